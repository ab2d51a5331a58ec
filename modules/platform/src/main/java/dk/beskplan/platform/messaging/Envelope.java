package dk.beskplan.platform.messaging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on the wire around every message: who did what, when, for which municipality and plan,
 * and which message caused it. The payload is one of the records in {@code contracts}.
 *
 * @param planId      correlation: all messages about one plan share it (null for messages about no plan)
 * @param causationId the message that caused this one (null when a person caused it directly)
 * @param actor       the user name, or {@code system:<module>} when a module acted on its own
 */
@Serdeable
public record Envelope(UUID messageId, String type, int schemaVersion, Instant occurredAt,
                       @Nullable String municipality, @Nullable UUID planId, @Nullable UUID causationId,
                       String actor, JsonNode payload) {

    /** The key that keeps one plan's messages in order. */
    public String orderingKey() {
        return planId != null ? planId.toString() : messageId.toString();
    }
}
