package dk.beskplan.platform.messaging;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * The envelope fields a module supplies when it sends a message: on whose behalf, for which municipality
 * and plan, and (when reacting to a message) which message caused it.
 */
public record MessageContext(@Nullable String municipality, @Nullable UUID planId, String actor,
                             @Nullable UUID causationId) {

    /** A person acted directly (a request). */
    public static MessageContext byUser(String actor, String municipality, UUID planId) {
        return new MessageContext(municipality, planId, actor, null);
    }

    /** A module reacts to a message: same municipality and plan, caused by that message. */
    public static MessageContext reactingTo(Envelope cause, String module) {
        return new MessageContext(cause.municipality(), cause.planId(), "system:" + module, cause.messageId());
    }
}
