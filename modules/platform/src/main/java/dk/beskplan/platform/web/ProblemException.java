package dk.beskplan.platform.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A failure the client can act on, rendered as application/problem+json with its status. Thrown by
 * application services when a request is refused; nothing has been changed when it is thrown.
 */
public class ProblemException extends RuntimeException {

    /** One problem with one input field; {@code field} is the path in the request, e.g. {@code goals[0].title}. */
    public record FieldError(String field, String message) {
    }

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * The refusal as a page shows it: one message per field (several joined with "; "), or under {@code general}
     * when no field is named.
     */
    public java.util.Map<String, String> messagesByField() {
        java.util.Map<String, String> messages = new java.util.LinkedHashMap<>();
        errors().forEach(f -> messages.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
        if (messages.isEmpty()) {
            messages.put("general", getMessage());
        }
        return messages;
    }
}
