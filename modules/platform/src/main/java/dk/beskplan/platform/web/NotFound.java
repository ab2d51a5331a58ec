package dk.beskplan.platform.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** 404: also what a user gets for another municipality's data, so its existence is not revealed. */
public class NotFound extends ProblemException {
    public NotFound(String detail) {
        super(HttpStatus.NOT_FOUND, "Findes ikke", detail, List.of());
    }
}
