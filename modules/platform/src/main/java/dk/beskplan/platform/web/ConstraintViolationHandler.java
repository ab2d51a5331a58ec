package dk.beskplan.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean-validation failures as problem+json naming the field as the client wrote it ({@code title},
 * {@code goals[0].title}), not as Java sees it ({@code create.command.title}).
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<ProblemException.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        return Problems.response(request, new InvalidInput(errors));
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        List<Path.Node> properties = nodes.stream()
                .filter(n -> n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.CONSTRUCTOR)
                .toList();
        // A violation inside a request body: drop the parameter name, keep the body's own property path.
        if (properties.size() > 1 && properties.get(0).getKind() == ElementKind.PARAMETER) {
            properties = properties.subList(1, properties.size());
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : properties) {
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
