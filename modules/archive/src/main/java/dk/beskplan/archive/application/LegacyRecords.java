package dk.beskplan.archive.application;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;

/**
 * Records archived before the archive was chained (schema version 2, kept unchanged in {@code archive.record_v1})
 * are appended to the chain once, in their original order, with their original time of receipt. Idempotent:
 * a message already in the chain is skipped, so several instances starting together do no harm.
 */
@Singleton
public class LegacyRecords {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyRecords.class);
    private static final int BATCH = 500;

    private final LegacyRecordRepository legacy;
    private final OnEveryMessage recorder;
    private final TransactionOperations<Connection> transactions;

    LegacyRecords(LegacyRecordRepository legacy, OnEveryMessage recorder, TransactionOperations<Connection> transactions) {
        this.legacy = legacy;
        this.recorder = recorder;
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
            List<LegacyRecordRepository.LegacyRecord> batch = transactions.executeWrite(status -> {
                List<LegacyRecordRepository.LegacyRecord> records = legacy.unchained(from, BATCH);
                records.forEach(r -> recorder.append(r.envelope(), r.receivedAt()));
                return records;
            });
            if (batch.isEmpty()) {
                return total;
            }
            total += batch.size();
            after = batch.get(batch.size() - 1).seq();
        }
    }
}
