package dk.beskplan.platform.messaging;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Envelope and payload (de)serialization in one place, so the wire format is defined once. */
@Singleton
public class JsonCodec {
    private final JsonMapper mapper;

    public JsonCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] write(Envelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws when the bytes are not an envelope: such a message is poison and goes to dead letters. */
    public Envelope read(byte[] body) throws IOException {
        Envelope envelope = mapper.readValue(body, Envelope.class);
        if (envelope == null || envelope.messageId() == null || envelope.type() == null || envelope.payload() == null) {
            throw new IOException("Not a Beskplan envelope");
        }
        return envelope;
    }

    public io.micronaut.json.tree.JsonNode toTree(Object payload) {
        try {
            return mapper.writeValueToTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T payload(Envelope envelope, Class<T> type) {
        try {
            return mapper.readValueFromTree(envelope.payload(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + envelope.type() + " as " + type.getSimpleName(), e);
        }
    }
}
