package dk.beskplan.platform.messaging;

import dk.beskplan.contracts.MessageContract;
import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A module that exists only in the platform's tests, to exercise the backbone without business rules.
 * Its handler records each application in {@code probe.applied} and fails on the text "poison".
 */
@Factory
@Requires(property = "beskplan.test.probe-module", value = "true")
public class ProbeModule {
    public static final ModuleDescriptor MODULE = new ModuleDescriptor("probe");
    public static final AtomicInteger POISON_ATTEMPTS = new AtomicInteger();

    /** The probe's only message. */
    @Serdeable
    @MessageContract(type = "probe.message", version = 1)
    public record ProbeMessage(String text) {
    }

    @Singleton
    ModuleDescriptor probe() {
        return MODULE;
    }

    @Singleton
    MessageHandler<ProbeMessage> probeHandler(Sql sql) {
        return new MessageHandler<>() {
            @Override
            public String module() {
                return MODULE.name();
            }

            @Override
            public Class<ProbeMessage> messageType() {
                return ProbeMessage.class;
            }

            @Override
            public void handle(ProbeMessage message, Envelope envelope) {
                if (message.text().equals("poison")) {
                    POISON_ATTEMPTS.incrementAndGet();
                    throw new IllegalStateException("this message always fails");
                }
                sql.update("insert into probe.applied (message_id, text) values (?, ?)", envelope.messageId(), message.text());
            }
        };
    }
}
