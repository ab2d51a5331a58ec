package dk.beskplan.archive.application;

import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records archived before the archive was chained (schema version 2, kept unchanged in {@code archive.record_v1})
 * are appended to the chain once, in their original order, with their original time of receipt. Idempotent:
 * a message already in the chain is skipped, so several instances starting together do no harm.
 */
@Singleton
public class LegacyRecords {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyRecords.class);
    private static final int BATCH = 500;

    private final Sql sql;
    private final Recorder recorder;
    private final JsonMapper json;
    private final TransactionOperations<Connection> transactions;

    LegacyRecords(Sql sql, Recorder recorder, JsonMapper json, TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.recorder = recorder;
        this.json = json;
        this.transactions = transactions;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int appended = chainAll();
        if (appended > 0) {
            LOG.info("Archive: {} record(s) from before the chain appended to it", appended);
        }
    }

    /** Appends every unchained legacy record; returns how many. */
    public int chainAll() {
        int total = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Object[]> batch = transactions.executeWrite(status -> {
                List<Object[]> rows = sql.query("select v.seq, v.message_id, v.type, v.schema_version, v.occurred_at, v.municipality,"
                        + " v.plan_id, v.causation_id, v.actor, v.payload::text, v.received_at from archive.record_v1 v"
                        + " where v.seq > ? and not exists (select 1 from archive.record r where r.message_id = v.message_id)"
                        + " order by v.seq limit " + BATCH, rs -> new Object[]{rs.getLong(1), new Envelope(
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), Sql.instant(rs, "occurred_at"),
                        rs.getString(6), rs.getObject(7, UUID.class), rs.getObject(8, UUID.class), rs.getString(9),
                        tree(rs.getString(10))), Sql.instant(rs, "received_at")}, from);
                rows.forEach(r -> recorder.append((Envelope) r[1], (Instant) r[2]));
                return rows;
            });
            if (batch.isEmpty()) {
                return total;
            }
            total += batch.size();
            after = (Long) batch.get(batch.size() - 1)[0];
        }
    }

    private JsonNode tree(String payload) {
        try {
            return json.readValue(payload, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalStateException("legacy archive payload is not JSON: " + payload, e);
        }
    }
}
