package dk.beskplan.followup.application;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** jsonb columns (the approved document, targets, baselines) to and from plain maps. */
@Singleton
class JsonColumns {
    private final JsonMapper json;

    JsonColumns(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> map(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> list(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
