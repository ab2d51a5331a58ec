package dk.beskplan.archive.application;

import dk.beskplan.archive.domain.ChainCheck;
import dk.beskplan.archive.domain.Checkpoint;
import dk.beskplan.archive.domain.RecordLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
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

    /**
     * What {@link #line(ResultSet)} reads ({@code r} is archive.record): a record's columns, the further plans it is
     * linked to, and per document its stored fields. Texts travel hex-encoded so that no separator can occur in
     * them; the search text as its SHA-256 (the record's hash covers that, not the whole text twice).
     */
    public static final String RECORD_COLUMNS = "r.format, r.seq, r.message_id, r.type, r.schema_version, r.occurred_at, r.received_at,"
            + " r.municipality, r.plan_id, r.causation_id, r.actor, r.payload::text as payload, r.prev_plan_hash,"
            + " r.prev_archive_hash, r.record_hash,"
            + " (select string_agg(p.plan_id::text, ',' order by p.plan_id) from archive.record_plan p"
            + "  where p.record_seq = r.seq) as linked_plans,"
            + " (select string_agg(d.kind || ':' || d.sha256 || ':' || encode(convert_to(d.title, 'UTF8'), 'hex')"
            + "    || ':' || encode(convert_to(d.media_type, 'UTF8'), 'hex')"
            + "    || ':' || coalesce('h' || encode(convert_to(d.declared_hash, 'UTF8'), 'hex'), 'null')"
            + "    || ':' || encode(sha256(convert_to(d.plain_text, 'UTF8')), 'hex'), ',' order by d.ordinal)"
            + "  from archive.document d where d.record_seq = r.seq) as documents";

    private Verifier() {
    }

    /** Verifies the whole archive ({@code planId} null) or one plan's chain. */
    public static Result verify(Connection connection, @Nullable UUID planId) throws SQLException {
        return verify(connection, planId, null);
    }

    /**
     * Verifies the whole archive ({@code planId} null) or one plan's chain and, given a checkpoint (whose signature
     * the caller has checked), that the record it names still carries its hash: this finds a removed end of the
     * archive and a rewritten tail whose hashes were recomputed, which the chains alone cannot.
     */
    public static Result verify(Connection connection, @Nullable UUID planId, @Nullable Checkpoint checkpoint) throws SQLException {
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
                boolean checkpointSeen = false;
                String hashAtCheckpoint = null;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RecordLine line = line(rs);
                        if (checkpoint != null && line.seq() == checkpoint.seq()) {
                            checkpointSeen = true;
                            hashAtCheckpoint = rs.getString("record_hash");
                        }
                        if (check.next(line, rs.getString("record_hash")).isPresent()) {
                            break;
                        }
                    }
                }
                if (planId != null) {
                    planHeadInArchiveChain(connection, planId).ifPresent(m -> check.fail(m));
                    if (checkpoint != null) {
                        // The plan's records are not all of the archive: look the checkpoint's record up directly.
                        try (PreparedStatement at = connection.prepareStatement("select record_hash from archive.record where seq = ?")) {
                            at.setLong(1, checkpoint.seq());
                            try (ResultSet rs = at.executeQuery()) {
                                checkpointSeen = rs.next();
                                hashAtCheckpoint = checkpointSeen ? rs.getString(1) : null;
                            }
                        }
                    }
                }
                if (checkpoint != null) {
                    check.checkpoint(checkpoint, checkpointSeen, hashAtCheckpoint);
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

    /**
     * One plan's chain says nothing about records removed from its end. But every record of the plan is also a link
     * of the archive chain, so the plan's newest record is recorded there: the record after it points to it. This
     * follows the archive links (by the stored hashes; the whole-archive verification recomputes them) from the
     * plan's first record to the archive's head, and names the first link that does not hold.
     */
    private static java.util.Optional<ChainCheck.Mismatch> planHeadInArchiveChain(Connection connection, UUID planId)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select seq, message_id, prev_archive_hash, before from ("
                + " select seq, message_id, prev_archive_hash, lag(record_hash) over (order by seq) as before"
                + " from archive.record where seq >= (select min(seq) from archive.record where plan_id = ?)) links"
                + " where before is not null and prev_archive_hash <> before order by seq limit 1")) {
            ps.setObject(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new ChainCheck.Mismatch(rs.getLong(1), rs.getObject(2, UUID.class),
                        "the archive chain is broken after the plan's first record: record seq " + rs.getLong(1)
                        + " points to " + rs.getString(3) + ", the record before it is " + rs.getString(4)
                        + " (a record was removed or changed; the plan's newest may be missing)"))
                        : java.util.Optional.empty();
            }
        }
    }

    /** The record's canonical form, rebuilt from its columns, in the record's own format. */
    public static RecordLine line(ResultSet rs) throws SQLException {
        int format = rs.getInt("format");
        String documents = rs.getString("documents");
        List<RecordLine.DocumentHash> hashes = new ArrayList<>();
        if (documents != null) {
            for (String document : documents.split(",")) {
                String[] f = document.split(":", -1);
                hashes.add(format == 1 ? new RecordLine.DocumentHash(f[0], f[1])
                        : new RecordLine.DocumentHash(f[0], f[1], unhex(f[2]), unhex(f[3]),
                        f[4].equals("null") ? null : unhex(f[4].substring(1)), f[5]));
            }
        }
        String linked = rs.getString("linked_plans");
        List<UUID> linkedPlans = linked == null ? List.of() : Arrays.stream(linked.split(",")).map(UUID::fromString).toList();
        return new RecordLine(format, rs.getLong("seq"), rs.getObject("message_id", UUID.class), rs.getString("type"),
                rs.getInt("schema_version"), rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                rs.getString("municipality"), rs.getObject("plan_id", UUID.class), rs.getObject("causation_id", UUID.class),
                rs.getString("actor"), rs.getString("payload"), format == 1 ? List.of() : linkedPlans, hashes,
                rs.getString("prev_plan_hash"), rs.getString("prev_archive_hash"));
    }

    private static String unhex(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }
}
