package dk.beskplan.platform.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** 409: the request does not fit the current state (a stale version, a plan already submitted, ...). */
public class Conflict extends ProblemException {
    public Conflict(String detail) {
        super(HttpStatus.CONFLICT, "Konflikt", detail, List.of());
    }
}
