package dk.beskplan.archive.application;

import dk.beskplan.archive.domain.RecordLine;
import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The archive chain's records in the application's transaction. Appending: the lock that serialises appends, the
 * writer role, the heads a new record points back to, and the inserts of the record, its frozen documents and its links
 * to further plans. Reading: the head, and a plan's records in their canonical form (for its archival package). Every call runs in the
 * caller's transaction ({@link OnEveryMessage} holds the order: lock first, then read the heads, then insert).
 */
@Singleton
class RecordRepository {
    /** The advisory lock that serialises appends to the archive chain ("archive" in ASCII). */
    static final long CHAIN_LOCK = 0x61726368697665L;

    /** A frozen document as it is inserted with its record: text ({@code content}) or {@code bytes} (a PDF). */
    record NewDocument(String kind, String title, String mediaType, String content, byte[] bytes, String sha256,
                       String declaredHash, String plainText) {
    }

    private final Sql sql;

    RecordRepository(Sql sql) {
        this.sql = sql;
    }

    /** Takes the chain's transaction-scoped advisory lock: waits until no other transaction appends. */
    void lockChain() {
        sql.queryOne("select pg_advisory_xact_lock(?)", rs -> 1, CHAIN_LOCK);
    }

    /** True when the role exists and the login user may switch to it (a superuser, or a member of it). */
    boolean mayUseRole(String role) {
        return sql.queryOne("select exists (select 1 from pg_roles where rolname = ?)"
                + " and ((select rolsuper from pg_roles where rolname = current_user)"
                + "      or coalesce(pg_has_role(current_user, (select oid from pg_roles where rolname = ?), 'MEMBER'), false))",
                rs -> rs.getBoolean(1), role, role).orElse(false);
    }

    /** Switches this transaction to the role (reset at commit). */
    void useRoleInTransaction(String role) {
        sql.update("set local role " + role);
    }

    boolean archived(UUID messageId) {
        return sql.queryOne("select 1 from archive.record where message_id = ?", rs -> 1, messageId).isPresent();
    }

    /** The text PostgreSQL prints for this JSON as jsonb: what is stored, so what is hashed. */
    String canonicalJson(String jsonText) {
        return sql.queryOne("select cast(? as jsonb)::text", rs -> rs.getString(1), jsonText).orElseThrow();
    }

    /** The hash of the plan's newest record. */
    Optional<String> lastHashOfPlan(UUID planId) {
        return sql.queryOne("select record_hash from archive.record where plan_id = ? order by seq desc limit 1",
                rs -> rs.getString(1), planId);
    }

    /** The archive's newest record; empty when the archive is. */
    Optional<ChainRepository.Head> head() {
        return sql.queryOne(ChainRepository.HEAD, ChainRepository::head);
    }

    /**
     * The plan's records and those linked to it (a meeting's protocol), in chain order, each in its canonical form with
     * the hash stored for it.
     */
    List<ChainRepository.StoredRecord> recordsAbout(UUID planId) {
        return sql.query("select " + ChainRepository.RECORD_COLUMNS + " from archive.record r where r.plan_id = ?"
                + " or r.seq in (select record_seq from archive.record_plan where plan_id = ?) order by r.seq",
                ChainRepository::stored, planId, planId);
    }

    long nextSeq() {
        return sql.queryOne("select nextval('archive.record_seq')", rs -> rs.getLong(1)).orElseThrow();
    }

    /** Inserts the record with its hash. */
    void insert(RecordLine line) {
        sql.update("insert into archive.record (format, seq, message_id, plan_id, municipality, type, schema_version, occurred_at,"
                        + " received_at, actor, causation_id, payload, prev_plan_hash, prev_archive_hash, record_hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)",
                line.format(), line.seq(), line.messageId(), line.planId(), line.municipality(), line.type(), line.schemaVersion(),
                line.occurredAt(), line.receivedAt(), line.actor(), line.causationId(), line.payloadJson(), line.prevPlanHash(),
                line.prevArchiveHash(), line.hash());
    }

    void insertDocument(long recordSeq, int ordinal, NewDocument doc) {
        sql.update("insert into archive.document (record_seq, ordinal, kind, title, media_type, content, bytes, sha256,"
                        + " declared_hash, plain_text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                recordSeq, ordinal, doc.kind(), doc.title(), doc.mediaType(), doc.content(), doc.bytes(), doc.sha256(),
                doc.declaredHash(), doc.plainText());
    }

    /** The record is also about this plan (a meeting's protocol names every plan it decided on). */
    void linkPlan(long recordSeq, UUID planId) {
        sql.update("insert into archive.record_plan (record_seq, plan_id) values (?, ?)", recordSeq, planId);
    }
}
