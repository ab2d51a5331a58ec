package dk.beskplan.archive.application;

import dk.beskplan.archive.ArchiveModule;
import dk.beskplan.archive.domain.RecordLine;
import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.EveryMessageHandler;
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
import java.util.Base64;
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
public class OnEveryMessage implements EveryMessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OnEveryMessage.class);
    static final String WRITER_ROLE = "beskplan_archive_writer";

    private final RecordRepository records;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Boolean writerRole;

    OnEveryMessage(RecordRepository records, JsonMapper json, Clock clock) {
        this.records = records;
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
        records.lockChain();
        if (records.archived(envelope.messageId())) {
            return;
        }
        String payload = records.canonicalJson(toJson(FrozenDocuments.recorded(envelope.type(), envelope.payload())));
        List<FrozenDocuments.Found> found = FrozenDocuments.in(envelope.type(), envelope.payload());
        List<RecordRepository.NewDocument> documents = new ArrayList<>();
        List<RecordLine.DocumentHash> hashes = new ArrayList<>();
        for (FrozenDocuments.Found doc : found) {
            boolean pdf = FrozenDocuments.PDF.equals(doc.mediaType());
            JsonNode tree = doc.field() != null ? envelope.payload().get(doc.field()) : null;
            byte[] bytes = pdf ? Base64.getDecoder().decode(tree.getStringValue()) : null;
            String content = pdf ? null : doc.field() != null ? records.canonicalJson(toJson(tree)) : doc.html();
            String plainText = FrozenDocuments.plainText(doc.mediaType(), tree, doc.html());
            String sha256 = pdf ? Hashes.sha256Hex(bytes) : Hashes.sha256Hex(content);
            documents.add(new RecordRepository.NewDocument(doc.kind().name(), doc.title(), doc.mediaType(), content, bytes, sha256,
                    doc.declaredHash(), plainText));
            hashes.add(new RecordLine.DocumentHash(doc.kind().name(), sha256, doc.title(),
                    doc.mediaType(), doc.declaredHash(), Hashes.sha256Hex(plainText)));
        }
        List<UUID> linkedPlans = FrozenDocuments.linkedPlans(envelope.type(), envelope.payload()).stream()
                .filter(plan -> !plan.equals(envelope.planId())).distinct().toList();
        String prevArchive = records.head().map(ChainRepository.Head::hash).orElse(RecordLine.GENESIS);
        String prevPlan = envelope.planId() == null ? RecordLine.GENESIS
                : records.lastHashOfPlan(envelope.planId()).orElse(RecordLine.GENESIS);
        long seq = records.nextSeq();
        RecordLine line = new RecordLine(RecordLine.CURRENT_FORMAT, seq, envelope.messageId(), envelope.type(),
                envelope.schemaVersion(), envelope.occurredAt(), receivedAt, envelope.municipality(), envelope.planId(),
                envelope.causationId(), envelope.actor(), payload, linkedPlans, hashes, prevPlan, prevArchive);
        records.insert(line);
        for (int i = 0; i < documents.size(); i++) {
            records.insertDocument(seq, i, documents.get(i));
        }
        for (UUID plan : linkedPlans) {
            records.linkPlan(seq, plan);
        }
    }

    /**
     * Switches this transaction to the insert-and-read role (reset at commit). Without the role (a database
     * login that may not create roles), the triggers alone keep the tables insert-only.
     */
    private void switchToWriterRole() {
        if (writerRole == null) {
            writerRole = records.mayUseRole(WRITER_ROLE);
            if (!writerRole) {
                LOG.warn("Role {} is missing or not granted: the archive writes as the login user; triggers keep it insert-only",
                        WRITER_ROLE);
            }
        }
        if (writerRole) {
            records.useRoleInTransaction(WRITER_ROLE);
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
