package dk.beskplan.platform.web;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.json.tree.JsonNode;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Input the application cannot read or store is the caller's error (400), never a 500: a form body that is not
 * url-encoded, and text PostgreSQL refuses to store (the NUL character). The refused statement rolled its
 * transaction back, so nothing changed.
 */
final class UnreadableInputHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(UnreadableInputHandlers.class);
    /** character_not_in_repertoire (NUL in text), untranslatable_character (\u0000 in jsonb). */
    private static final List<String> UNSTORABLE_TEXT = List.of("22021", "22P05");

    private UnreadableInputHandlers() {
    }

    @Produces
    @Singleton
    static class UnreadableForm implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
            return Problems.response(request, InvalidInput.field("body", "formularen kan ikke læses (ugyldig URL-kodning)"));
        }
    }

    @Produces
    @Singleton
    static class UnstorableText implements ExceptionHandler<DataAccessException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
            if (sqlState(exception).filter(UNSTORABLE_TEXT::contains).isPresent()) {
                Object body = request.getBody().orElse(null);
                String field = fieldWithNul(body, "").orElse("body");
                return Problems.response(request, InvalidInput.field(field, "indeholder et tegn, der ikke kan gemmes (NUL)"));
            }
            LOG.error("Database error on {} {}", request.getMethod(), request.getPath(), exception);
            return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(Problems.PROBLEM_JSON)
                    .body(Problems.body(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error", "Der opstod en uventet fejl",
                            request.getPath(), List.of()));
        }
    }

    static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** The path of the first text in the request's bound body that holds a NUL, e.g. {@code goals[1].title}. */
    static Optional<String> fieldWithNul(Object value, String path) {
        if (value instanceof CharSequence text) {
            return text.toString().indexOf('\u0000') >= 0 ? Optional.of(path.isEmpty() ? "body" : path) : Optional.empty();
        }
        if (value instanceof JsonNode node) {
            if (node.isString()) {
                return fieldWithNul(node.getStringValue(), path);
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.entries()) {
                    Optional<String> found = fieldWithNul(e.getValue(), join(path, e.getKey()));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } else if (node.isArray()) {
                int i = 0;
                for (JsonNode item : node.values()) {
                    Optional<String> found = fieldWithNul(item, path + "[" + i++ + "]");
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Optional<String> found = fieldWithNul(e.getValue(), join(path, String.valueOf(e.getKey())));
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Optional<String> found = fieldWithNul(list.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    Optional<String> found = fieldWithNul(c.getAccessor().invoke(value), join(path, c.getName()));
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (ReflectiveOperationException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
