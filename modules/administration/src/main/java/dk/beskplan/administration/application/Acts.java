package dk.beskplan.administration.application;

import dk.beskplan.administration.AdministrationModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every administrative act, published as a message (so the archive keeps it, hash-chained) and listed for the
 * administrators' pages, both in the caller's transaction: an act exists exactly when its change does.
 */
@Singleton
public class Acts {
    /** An act as the audit history shows it. */
    @Serdeable
    public record Act(UUID messageId, Instant occurredAt, String actor, @Nullable String municipality, String type,
                      String subject, String summary) {
    }

    private final Outbox outbox;
    private final ActRepository acts;

    Acts(Outbox outbox, ActRepository acts) {
        this.outbox = outbox;
        this.acts = acts;
    }

    /**
     * Publishes {@code message} on behalf of {@code actor} and lists it.
     *
     * @param subject the user name or municipality code acted on
     * @param summary the act in Danish, for the history ("Roller ændret: ...")
     */
    public Envelope record(Object message, String actor, @Nullable String municipality, String subject, String summary) {
        Envelope envelope = outbox.append(AdministrationModule.MODULE, message, new MessageContext(municipality, null, actor, null));
        acts.insert(envelope.messageId(), envelope.occurredAt(), actor, municipality, envelope.type(), subject, summary);
        return envelope;
    }

    /** The newest acts first: of one municipality and/or about one subject (null: any). */
    @Transactional
    public List<Act> history(@Nullable String municipality, @Nullable String subject, int limit) {
        return acts.history(municipality, subject, limit);
    }
}
