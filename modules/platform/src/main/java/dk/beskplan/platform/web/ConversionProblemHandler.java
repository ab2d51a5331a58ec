package dk.beskplan.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of the wrong type (text where a number belongs, an unknown enum constant, a malformed date):
 * 400 naming the field where it can be found, without the parser's internals.
 */
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
public class ConversionProblemHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[\\w.<>]+ )?(\\w+)\\]|\\[\"(\\w+)\"\\]");

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException) {
                return Problems.response(request, UnreadableInputHandlers.malformedJson(t)); // syntax, not a wrong value
            }
        }
        String argument = exception.getArgument().getName();
        boolean body = exception.getArgument().getAnnotationMetadata().hasAnnotation(Body.class);
        String raw = String.valueOf(exception.getConversionError().getCause().getMessage());
        String field = body ? propertyIn(raw) : argument;
        String message = raw.contains("Invalid UUID string") ? "er ikke et gyldigt id"
                : body ? "har en ugyldig værdi: " + firstLine(raw)
                : expected(exception.getArgument().getType());
        return Problems.response(request, new InvalidInput(List.of(new ProblemException.FieldError(field, message))));
    }

    /**
     * What a value in the address (a path segment, a query parameter) must be, in Danish, from the parameter's type:
     * never the parser's own words ("For input string: ..."), which mean nothing to the person who followed a link.
     */
    static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "skal være et helt tal";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "skal være et tal";
        }
        if (type == java.util.UUID.class) {
            return "er ikke et gyldigt id";
        }
        if (type == java.time.LocalDate.class) {
            return "skal være en dato (ÅÅÅÅ-MM-DD)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "skal være true eller false";
        }
        if (type.isEnum()) {
            return "skal være en af " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        return "har en ugyldig værdi";
    }

    private static String propertyIn(String message) {
        Matcher m = PROPERTY.matcher(message);
        if (m.find()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        return "body";
    }

    /** The parser's first sentence, without source locations and class names. */
    static String firstLine(String message) {
        String line = message.split("\n", 2)[0];
        int cut = line.lastIndexOf(" due to: ");
        if (cut >= 0) {
            line = line.substring(cut + " due to: ".length());
        }
        return line.replaceAll("`[\\w.$]+`", "").replaceAll("\\s+", " ").trim();
    }
}
