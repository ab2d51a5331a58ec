package dk.beskplan.platform.operations;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.messaging.MessagingRuntime;
import dk.beskplan.platform.persistence.Sql;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messaging plumbing as gauges, per module (docs/operations.md): the outbox's backlog (messages not yet published),
 * the age of its oldest unpublished message, and the depth of its dead-letter queue. Read when Prometheus scrapes, at
 * most once per {@link #FRESH} per module, so a scrape costs one small query and one passive queue declaration per
 * module. A value that cannot be read (database or broker away) is reported as NaN, which Prometheus shows as missing.
 */
@Singleton
public class PlumbingMetrics implements MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(PlumbingMetrics.class);
    static final Duration FRESH = Duration.ofSeconds(5);

    private record Outbox(double backlog, double oldestAgeSeconds, long readAt) {
    }

    private record DeadLetters(double depth, long readAt) {
    }

    private final List<ModuleDescriptor> modules;
    // Lazily: the data source (pool metrics) and the message processor (its counters) need the registry this binder is
    // bound to, so they are looked up at the first scrape, not when the registry is built.
    private final BeanProvider<Sql> sql;
    private final BeanProvider<TransactionOperations<Connection>> transactions;
    private final BeanProvider<MessagingRuntime> messaging;
    private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();
    private final Map<String, DeadLetters> deadLetters = new ConcurrentHashMap<>();

    public PlumbingMetrics(List<ModuleDescriptor> modules, BeanProvider<Sql> sql,
                           BeanProvider<TransactionOperations<Connection>> transactions, BeanProvider<MessagingRuntime> messaging) {
        this.modules = modules;
        this.sql = sql;
        this.transactions = transactions;
        this.messaging = messaging;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ModuleDescriptor module : modules) {
            Gauge.builder("beskplan.outbox.backlog", module, m -> outbox(m).backlog())
                    .description("Messages in the module's outbox not yet published to the broker")
                    .tag("module", module.name()).register(registry);
            Gauge.builder("beskplan.outbox.oldest.unpublished.age", module, m -> outbox(m).oldestAgeSeconds())
                    .description("Age of the oldest unpublished message in the module's outbox (0 when none waits)")
                    .baseUnit("seconds").tag("module", module.name()).register(registry);
            Gauge.builder("beskplan.messaging.dead.letters", module, this::deadLetterDepth)
                    .description("Messages waiting in the module's dead-letter queue")
                    .tag("module", module.name()).register(registry);
        }
    }

    private Outbox outbox(ModuleDescriptor module) {
        Outbox known = outboxes.get(module.name());
        if (known != null && System.nanoTime() - known.readAt() < FRESH.toNanos()) {
            return known;
        }
        Outbox read;
        try {
            read = transactions.get().executeRead(status -> sql.get().queryOne("select count(*),"
                            + " coalesce(extract(epoch from (now() - min(created_at))), 0) from " + module.table("outbox")
                            + " where published_at is null",
                    rs -> new Outbox(rs.getLong(1), rs.getDouble(2), System.nanoTime())).orElseThrow());
        } catch (RuntimeException e) {
            LOG.debug("Outbox metrics of {} not readable: {}", module.name(), e.toString());
            read = new Outbox(Double.NaN, Double.NaN, System.nanoTime());
        }
        outboxes.put(module.name(), read);
        return read;
    }

    private double deadLetterDepth(ModuleDescriptor module) {
        DeadLetters known = deadLetters.get(module.name());
        if (known != null && System.nanoTime() - known.readAt() < FRESH.toNanos()) {
            return known.depth();
        }
        OptionalLong depth = messaging.get().deadLetterDepth(module);
        DeadLetters read = new DeadLetters(depth.isPresent() ? depth.getAsLong() : Double.NaN, System.nanoTime());
        deadLetters.put(module.name(), read);
        return read.depth();
    }
}
