package dk.beskplan.archive.application;

import dk.beskplan.archive.domain.RecordLine;
import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The archive chain's records in the application's transaction. Appending: the lock that serialises appends, the
 * writer role, the heads a new record points back to, and the inserts of the record, its frozen documents and its links
 * to further plans. Reading: the head, and a plan's records in their canonical form (for its archival package). Every call runs in the
 * caller's transaction ({@link OnEveryMessage} holds the order: lock first, then read the heads, then insert). A batch
 * of messages takes each step once for all of them.
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

    /** Which of these messages the archive already holds. */
    Set<UUID> archived(Collection<UUID> messageIds) {
        return new HashSet<>(sql.query("select message_id from archive.record where message_id = any (cast(? as uuid[]))",
                rs -> rs.getObject(1, UUID.class), (Object) texts(messageIds)));
    }

    /** The text PostgreSQL prints for each JSON text as jsonb, in the same order: what is stored, so what is hashed. */
    List<String> canonicalJson(List<String> jsonTexts) {
        if (jsonTexts.isEmpty()) {
            return List.of();
        }
        return sql.query("select cast(t as jsonb)::text from unnest(cast(? as text[])) with ordinality as j (t, n) order by n",
                rs -> rs.getString(1), (Object) jsonTexts.toArray(String[]::new));
    }

    /** The hash of each plan's newest record; a plan the archive has no record of is left out. */
    Map<UUID, String> lastHashOfPlans(Collection<UUID> planIds) {
        Map<UUID, String> heads = new HashMap<>();
        if (!planIds.isEmpty()) {
            sql.query("select p, (select record_hash from archive.record where plan_id = p order by seq desc limit 1)"
                    + " from unnest(cast(? as uuid[])) as p", rs -> heads.put(rs.getObject(1, UUID.class), rs.getString(2)),
                    (Object) texts(planIds));
            heads.values().removeIf(java.util.Objects::isNull);
        }
        return heads;
    }

    private static String[] texts(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
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

    /** The next {@code count} numbers of the chain, ascending (taken under the chain's lock, so no one else takes any). */
    long[] nextSeqs(int count) {
        return sql.query("select nextval('archive.record_seq') from generate_series(1, ?)", rs -> rs.getLong(1), count)
                .stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Inserts the records with their hashes, in one round trip. */
    void insert(List<RecordLine> lines) {
        sql.batch("insert into archive.record (format, seq, message_id, plan_id, municipality, type, schema_version, occurred_at,"
                        + " received_at, actor, causation_id, payload, prev_plan_hash, prev_archive_hash, record_hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)",
                lines.stream().map(line -> new Object[]{line.format(), line.seq(), line.messageId(), line.planId(),
                        line.municipality(), line.type(), line.schemaVersion(), line.occurredAt(), line.receivedAt(), line.actor(),
                        line.causationId(), line.payloadJson(), line.prevPlanHash(), line.prevArchiveHash(), line.hash()}).toList());
    }

    /** A record's document, numbered within its record. */
    record Numbered(long recordSeq, int ordinal, NewDocument doc) {
    }

    /** Inserts the documents of the records just inserted, in one round trip. */
    void insertDocuments(List<Numbered> documents) {
        sql.batch("insert into archive.document (record_seq, ordinal, kind, title, media_type, content, bytes, sha256,"
                        + " declared_hash, plain_text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                documents.stream().map(d -> new Object[]{d.recordSeq(), d.ordinal(), d.doc().kind(), d.doc().title(),
                        d.doc().mediaType(), d.doc().content(), d.doc().bytes(), d.doc().sha256(), d.doc().declaredHash(),
                        d.doc().plainText()}).toList());
    }

    /** The records are also about these plans (a meeting's protocol names every plan it decided on): seq and plan. */
    void linkPlans(List<Object[]> links) {
        sql.batch("insert into archive.record_plan (record_seq, plan_id) values (?, ?)", links);
    }
}
