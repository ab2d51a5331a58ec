package dk.beskplan.platform.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** 400: the request names fields with values we cannot accept. */
public class InvalidInput extends ProblemException {
    public InvalidInput(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "Ugyldige oplysninger",
                errors.isEmpty() ? "Ugyldige oplysninger" : errors.get(0).field() + ": " + errors.get(0).message(), errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }
}
