package dk.beskplan.platform.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * jsonb columns to and from plain maps and lists, so that the modules' domain records carry no serialization
 * annotations (a module maps its own records onto these maps).
 *
 * <p>The one null rule: SQL NULL is Java null and nothing else. Writing null gives NULL (never the JSON text
 * {@code null}); reading NULL as a document gives null; reading NULL as a list gives the empty list, since a list
 * column that is not there holds nothing.
 */
@Singleton
public class JsonColumns {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final Argument<List<Map<String, Object>>> LIST_OF_MAPS = Argument.listOf(MAP);
    private static final Argument<List<String>> STRINGS = Argument.listOf(String.class);

    private final JsonMapper json;

    public JsonColumns(JsonMapper json) {
        this.json = json;
    }

    /** The value as JSON text; null gives null (SQL NULL). */
    public @Nullable String write(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object as a map; NULL gives null. */
    public @Nullable Map<String, Object> document(@Nullable String text) {
        return text == null ? null : read(text, MAP);
    }

    /** A JSON array of objects; NULL gives the empty list. */
    public List<Map<String, Object>> list(@Nullable String text) {
        return text == null ? List.of() : read(text, LIST_OF_MAPS);
    }

    /** A JSON array of strings; NULL gives the empty list. */
    public List<String> strings(@Nullable String text) {
        return text == null ? List.of() : read(text, STRINGS);
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
