package dk.beskplan.archive.application;

import dk.beskplan.archive.domain.RecordLine;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The archive chain as stored, read on a plain JDBC connection (the API's transaction, or the command line's own
 * connection, which runs without the application): every record rebuilt in its canonical form with the hash stored
 * for it, the stored documents, the archive links and the head. Reads stream: rows come through a server-side cursor
 * in batches and are handed on one by one (until the taker answers false), so that verification holds no more than it
 * checks.
 */
public final class ChainRepository {
    /** Rows fetched per round trip from the server-side cursor. */
    static final int FETCH_SIZE = 2_000;

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

    /** The archive's newest record, as {@link #head(ResultSet)} reads it. */
    static final String HEAD = "select seq, record_hash from archive.record order by seq desc limit 1";

    /** The archive's newest record. */
    public record Head(long seq, String hash) {
    }

    /** A record rebuilt in its canonical form, and the hash stored for it. */
    public record StoredRecord(RecordLine line, String recordHash) {
    }

    /**
     * A frozen document as stored: its record, its kind, the SHA-256 stored for it and its content: text, or (a PDF)
     * the SHA-256 of its bytes as the database computes it, so that verifying a PDF does not carry it to the verifier.
     */
    public record StoredDocument(long recordSeq, UUID messageId, String kind, String sha256, @Nullable String content,
                                 @Nullable String bytesSha256) {
        /** The SHA-256 of the stored content, recomputed. */
        public String recomputedHash() {
            return content != null ? dk.beskplan.platform.domain.Hashes.sha256Hex(content) : bytesSha256;
        }
    }

    /** A record whose stored link to the archive's previous record does not name that record's stored hash. */
    public record BrokenLink(long seq, UUID messageId, String pointsTo, String recordBefore) {
    }

    private final Connection connection;

    private ChainRepository(Connection connection) {
        this.connection = connection;
    }

    /** What runs on the chain within one transaction of the connection. */
    @FunctionalInterface
    public interface Reading<T> {
        T read(ChainRepository chain) throws SQLException;
    }

    /**
     * Runs {@code reading} on the connection inside a transaction (PostgreSQL streams a result through a cursor only
     * inside a transaction with a fetch size): the connection's own, or one opened here and rolled back afterwards.
     */
    public static <T> T read(Connection connection, Reading<T> reading) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        try {
            return reading.read(new ChainRepository(connection));
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The whole archive's records ({@code planId} null) or one plan's, in chain order. */
    public void records(@Nullable UUID planId, Predicate<StoredRecord> each) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select " + RECORD_COLUMNS + " from archive.record r"
                + (planId == null ? "" : " where r.plan_id = ?") + " order by r.seq")) {
            ps.setFetchSize(FETCH_SIZE);
            if (planId != null) {
                ps.setObject(1, planId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!each.test(stored(rs))) {
                        break;
                    }
                }
            }
        }
    }

    /**
     * The first record after the plan's first record whose stored archive link does not name the stored hash of the
     * record before it.
     */
    public Optional<BrokenLink> firstBrokenLinkFrom(UUID planId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select seq, message_id, prev_archive_hash, before from ("
                + " select seq, message_id, prev_archive_hash, lag(record_hash) over (order by seq) as before"
                + " from archive.record where seq >= (select min(seq) from archive.record where plan_id = ?)) links"
                + " where before is not null and prev_archive_hash <> before order by seq limit 1")) {
            ps.setObject(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new BrokenLink(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    /** The hash stored for the record {@code seq}; empty when the archive has no such record. */
    public Optional<String> hashAt(long seq) throws SQLException {
        try (PreparedStatement at = connection.prepareStatement("select record_hash from archive.record where seq = ?")) {
            at.setLong(1, seq);
            try (ResultSet rs = at.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The stored documents of the whole archive ({@code planId} null) or of one plan's records, in archive order;
     * with {@code beforeSeq}, only those of the records before it.
     */
    public void documents(@Nullable UUID planId, @Nullable Long beforeSeq, Predicate<StoredDocument> each) throws SQLException {
        String where = planId == null ? "" : " where r.plan_id = ?";
        try (PreparedStatement ps = connection.prepareStatement("select d.record_seq, r.message_id, d.kind, d.sha256, d.content,"
                + " encode(sha256(d.bytes), 'hex')"
                + " from archive.document d join archive.record r on r.seq = d.record_seq" + where
                + (beforeSeq == null ? "" : (where.isEmpty() ? " where" : " and") + " d.record_seq < " + beforeSeq)
                + " order by d.record_seq, d.ordinal")) {
            ps.setFetchSize(200);
            if (planId != null) {
                ps.setObject(1, planId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!each.test(new StoredDocument(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))) {
                        break;
                    }
                }
            }
        }
    }

    /** The archive's newest record; empty when the archive is. */
    public Optional<Head> head() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(HEAD); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(head(rs)) : Optional.empty();
        }
    }

    static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getLong(1), rs.getString(2));
    }

    /** A row read with {@link #RECORD_COLUMNS}: the record in its canonical form, and the hash stored for it. */
    static StoredRecord stored(ResultSet rs) throws SQLException {
        return new StoredRecord(line(rs), rs.getString("record_hash"));
    }

    /** The record's canonical form, rebuilt from its columns ({@link #RECORD_COLUMNS}), in the record's own format. */
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
