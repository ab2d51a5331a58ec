package dk.beskplan.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
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

    /** Malformed JSON (Micronaut's own wrapper of the parser's error). */
    @Produces
    @Singleton
    @Replaces(JsonExceptionHandler.class)
    static class MalformedJson implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
            return Problems.response(request, malformedJson(exception));
        }
    }

    /** Malformed JSON as Jackson reports it, when it reaches us unwrapped. */
    @Produces
    @Singleton
    @Replaces(JacksonExceptionHandler.class)
    static class MalformedJsonFromJackson implements ExceptionHandler<JsonProcessingException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonProcessingException exception) {
            return Problems.response(request, malformedJson(exception));
        }
    }

    /**
     * The parser's English ("Unexpected character (',' (code 44)): was expecting double-quote to start field name")
     * as a Danish sentence naming line and column, e.g. "JSON-dokumentet kan ikke læses: uventet tegn ',' i linje 2,
     * kolonne 17".
     */
    static InvalidInput malformedJson(Throwable error) {
        JsonProcessingException parser = null;
        for (Throwable t = error; t != null && parser == null; t = t.getCause()) {
            if (t instanceof JsonProcessingException p) {
                parser = p;
            }
        }
        String message = parser != null ? String.valueOf(parser.getOriginalMessage()) : String.valueOf(error.getMessage());
        String what;
        java.util.regex.Matcher character = java.util.regex.Pattern.compile("Unexpected character \\('(.+?)'").matcher(message);
        if (character.find()) {
            what = "uventet tegn '" + character.group(1) + "'";
        } else if (message.contains("end-of-input") || message.contains("No content")) {
            what = "dokumentet slutter, før det er færdigt";
        } else if (message.contains("Unrecognized token")) {
            what = "ukendt ord (tekst skal stå i anførselstegn)";
        } else if (message.contains("Invalid UTF-8")) {
            what = "teksten er ikke UTF-8";
        } else if (message.contains("Unexpected close marker")) {
            what = "en parentes lukkes, som ikke er åbnet";
        } else {
            what = "ugyldig JSON";
        }
        String where = "";
        if (parser != null && parser.getLocation() != null && parser.getLocation().getLineNr() > 0) {
            where = " i linje " + parser.getLocation().getLineNr() + ", kolonne " + parser.getLocation().getColumnNr();
        }
        return InvalidInput.field("body", "JSON-dokumentet kan ikke læses: " + what + where);
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
