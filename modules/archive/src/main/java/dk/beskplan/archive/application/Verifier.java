package dk.beskplan.archive.application;

import dk.beskplan.archive.domain.ChainCheck;
import dk.beskplan.archive.domain.RecordLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Recomputes the archive's hash chains from the stored rows and names the first record that does not match.
 * Works on a plain JDBC connection (the API's transaction, or the command line's own connection) and streams:
 * rows come through a server-side cursor in batches, and only the last hash per plan is held in memory.
 */
public final class Verifier {
    /** Rows fetched per round trip from the server-side cursor. */
    static final int FETCH_SIZE = 2_000;

    /** The outcome: intact, or the first record that does not match. */
    @Serdeable
    public record Result(boolean intact, @Nullable UUID planId, long records, long documents, long millis,
                         @Nullable String lastHash, @Nullable Long mismatchSeq, @Nullable UUID mismatchMessageId,
                         @Nullable String mismatchReason) {
    }

    /** What {@link #line(ResultSet)} reads: a record's columns and its documents' hashes ({@code r} is archive.record). */
    static final String RECORD_COLUMNS = "r.seq, r.message_id, r.type, r.schema_version, r.occurred_at, r.received_at,"
            + " r.municipality, r.plan_id, r.causation_id, r.actor, r.payload::text as payload, r.prev_plan_hash,"
            + " r.prev_archive_hash, r.record_hash, (select string_agg(d.kind || ':' || d.sha256, ',' order by d.ordinal)"
            + " from archive.document d where d.record_seq = r.seq) as documents";

    private Verifier() {
    }

    /** Verifies the whole archive ({@code planId} null) or one plan's chain. */
    public static Result verify(Connection connection, @Nullable UUID planId) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams a result through a cursor only inside a transaction with a fetch size.
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        try {
            ChainCheck check = new ChainCheck(planId == null);
            String where = planId == null ? "" : " where r.plan_id = ?";
            try (PreparedStatement ps = connection.prepareStatement("select " + RECORD_COLUMNS + " from archive.record r" + where
                    + " order by r.seq")) {
                ps.setFetchSize(FETCH_SIZE);
                if (planId != null) {
                    ps.setObject(1, planId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (check.next(line(rs), rs.getString("record_hash")).isPresent()) {
                            break;
                        }
                    }
                }
            }
            long documents = 0;
            Long recordsBrokenAt = check.mismatch().map(ChainCheck.Mismatch::seq).orElse(null);
            try (PreparedStatement ps = connection.prepareStatement("select d.record_seq, r.message_id, d.kind, d.sha256, d.content"
                    + " from archive.document d join archive.record r on r.seq = d.record_seq" + where
                    + (recordsBrokenAt == null ? "" : (where.isEmpty() ? " where" : " and") + " d.record_seq < " + recordsBrokenAt)
                    + " order by d.record_seq, d.ordinal")) {
                ps.setFetchSize(200);
                if (planId != null) {
                    ps.setObject(1, planId);
                }
                ChainCheck documentCheck = new ChainCheck(false);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        documents++;
                        if (documentCheck.document(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                RecordLine.sha256(rs.getString(5))).isPresent()) {
                            break;
                        }
                    }
                }
                // A broken document comes before any broken record (only earlier documents were read).
                ChainCheck.Mismatch first = documentCheck.mismatch().or(check::mismatch).orElse(null);
                long millis = (System.nanoTime() - started) / 1_000_000;
                String last = planId == null ? check.lastOfArchive() : check.lastOfPlan(planId).orElse(null);
                return first == null
                        ? new Result(true, planId, check.checked(), documents, millis, last, null, null, null)
                        : new Result(false, planId, check.checked(), documents, millis, null, first.seq(), first.messageId(),
                        first.reason());
            }
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The record's canonical form, rebuilt from its columns. */
    static RecordLine line(ResultSet rs) throws SQLException {
        String documents = rs.getString("documents");
        List<RecordLine.DocumentHash> hashes = new ArrayList<>();
        if (documents != null) {
            Arrays.stream(documents.split(",")).map(d -> d.split(":", 2))
                    .forEach(kv -> hashes.add(new RecordLine.DocumentHash(kv[0], kv[1])));
        }
        return new RecordLine(rs.getLong("seq"), rs.getObject("message_id", UUID.class), rs.getString("type"),
                rs.getInt("schema_version"), rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                rs.getString("municipality"), rs.getObject("plan_id", UUID.class), rs.getObject("causation_id", UUID.class),
                rs.getString("actor"), rs.getString("payload"), hashes, rs.getString("prev_plan_hash"),
                rs.getString("prev_archive_hash"));
    }
}
