package dk.beskplan.archive.application;

import dk.beskplan.archive.ArchiveModule;
import dk.beskplan.archive.domain.RecordLine;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.EveryMessageHandler;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends every message to the archive, in the inbox's transaction: the record, chained to the previous
 * record of its plan and of the whole archive, and the frozen documents it carries, each with its SHA-256.
 * <p>
 * Appends are serialised across threads and application instances by a transaction-scoped advisory lock, so
 * the archive chain has one order (seq) and no two records ever point to the same predecessor. Writes run as
 * the role {@code beskplan_archive_writer}, which may only insert and read (docs/adr/0010).
 */
@Singleton
public class Recorder implements EveryMessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    /** The advisory lock that serialises appends to the archive chain ("archive" in ASCII). */
    static final long CHAIN_LOCK = 0x61726368697665L;
    static final String WRITER_ROLE = "beskplan_archive_writer";

    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Boolean writerRole;

    Recorder(Sql sql, JsonMapper json, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String module() {
        return ArchiveModule.MODULE.name();
    }

    @Override
    public void handle(Envelope envelope) {
        append(envelope, clock.instant());
    }

    /** Appends one message; a message id already archived is left alone. Must run inside a transaction. */
    public void append(Envelope envelope, Instant receivedAt) {
        switchToWriterRole();
        sql.queryOne("select pg_advisory_xact_lock(?)", rs -> 1, CHAIN_LOCK);
        if (sql.queryOne("select 1 from archive.record where message_id = ?", rs -> 1, envelope.messageId()).isPresent()) {
            return;
        }
        String payload = canonical(toJson(envelope.payload()));
        List<FrozenDocuments.Found> found = FrozenDocuments.in(envelope.type(), envelope.payload());
        List<String> contents = new ArrayList<>();
        List<String> plainTexts = new ArrayList<>();
        List<RecordLine.DocumentHash> hashes = new ArrayList<>();
        for (FrozenDocuments.Found doc : found) {
            String content = doc.field() != null ? canonical(toJson(envelope.payload().get(doc.field()))) : doc.html();
            JsonNode tree = doc.field() != null ? envelope.payload().get(doc.field()) : null;
            String plainText = FrozenDocuments.plainText(doc.mediaType(), tree, doc.html());
            contents.add(content);
            plainTexts.add(plainText);
            hashes.add(new RecordLine.DocumentHash(doc.kind().name(), RecordLine.sha256(content), doc.title(),
                    doc.mediaType(), doc.declaredHash(), RecordLine.sha256(plainText)));
        }
        List<UUID> linkedPlans = FrozenDocuments.linkedPlans(envelope.type(), envelope.payload()).stream()
                .filter(plan -> !plan.equals(envelope.planId())).distinct().toList();
        String prevArchive = sql.queryOne("select record_hash from archive.record order by seq desc limit 1",
                rs -> rs.getString(1)).orElse(RecordLine.GENESIS);
        String prevPlan = envelope.planId() == null ? RecordLine.GENESIS
                : sql.queryOne("select record_hash from archive.record where plan_id = ? order by seq desc limit 1",
                rs -> rs.getString(1), envelope.planId()).orElse(RecordLine.GENESIS);
        long seq = sql.queryOne("select nextval('archive.record_seq')", rs -> rs.getLong(1)).orElseThrow();
        RecordLine line = new RecordLine(RecordLine.CURRENT_FORMAT, seq, envelope.messageId(), envelope.type(),
                envelope.schemaVersion(), envelope.occurredAt(), receivedAt, envelope.municipality(), envelope.planId(),
                envelope.causationId(), envelope.actor(), payload, linkedPlans, hashes, prevPlan, prevArchive);
        sql.update("insert into archive.record (format, seq, message_id, plan_id, municipality, type, schema_version, occurred_at,"
                        + " received_at, actor, causation_id, payload, prev_plan_hash, prev_archive_hash, record_hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)",
                line.format(), seq, envelope.messageId(), envelope.planId(), envelope.municipality(), envelope.type(), envelope.schemaVersion(),
                line.occurredAt(), line.receivedAt(), envelope.actor(), envelope.causationId(), payload, prevPlan, prevArchive,
                line.hash());
        for (int i = 0; i < found.size(); i++) {
            FrozenDocuments.Found doc = found.get(i);
            sql.update("insert into archive.document (record_seq, ordinal, kind, title, media_type, content, sha256, declared_hash,"
                            + " plain_text) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    seq, i, doc.kind().name(), doc.title(), doc.mediaType(), contents.get(i), hashes.get(i).sha256(),
                    doc.declaredHash(), plainTexts.get(i));
        }
        for (UUID plan : linkedPlans) {
            sql.update("insert into archive.record_plan (record_seq, plan_id) values (?, ?)", seq, plan);
        }
    }

    /** The text PostgreSQL prints for this JSON as jsonb: what is stored, so what is hashed. */
    private String canonical(String jsonText) {
        return sql.queryOne("select cast(? as jsonb)::text", rs -> rs.getString(1), jsonText).orElseThrow();
    }

    /**
     * Switches this transaction to the insert-and-read role (reset at commit). Without the role (a database
     * login that may not create roles), the triggers alone keep the tables insert-only.
     */
    private void switchToWriterRole() {
        if (writerRole == null) {
            writerRole = sql.queryOne("select exists (select 1 from pg_roles where rolname = ?)"
                    + " and ((select rolsuper from pg_roles where rolname = current_user)"
                    + "      or coalesce(pg_has_role(current_user, (select oid from pg_roles where rolname = ?), 'MEMBER'), false))",
                    rs -> rs.getBoolean(1), WRITER_ROLE, WRITER_ROLE).orElse(false);
            if (!writerRole) {
                LOG.warn("Role {} is missing or not granted: the archive writes as the login user; triggers keep it insert-only",
                        WRITER_ROLE);
            }
        }
        if (writerRole) {
            sql.update("set local role " + WRITER_ROLE);
        }
    }

    private String toJson(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
