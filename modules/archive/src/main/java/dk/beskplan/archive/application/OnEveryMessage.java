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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Appends every message to the archive, in the inbox's transaction: the record, chained to the previous
 * record of its plan and of the whole archive, and the frozen documents it carries, each with its SHA-256.
 * <p>
 * Appends are serialised across threads and application instances by a transaction-scoped advisory lock, so
 * the archive chain has one order (seq) and no two records ever point to the same predecessor. Writes run as
 * the role {@code beskplan_archive_writer}, which may only insert and read (docs/adr/0010). The deliveries waiting at
 * the consumer come as one batch ({@link #handleAll}): one transaction, one lock, one read of the heads, the records
 * chained one after the other in delivery order and inserted together (docs/adr/0027).
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
        handleAll(List.of(envelope));
    }

    /** Appends a batch of messages in their order, in the inbox's one transaction: one lock, one read of the heads. */
    @Override
    public void handleAll(List<Envelope> envelopes) {
        switchToWriterRole();
        records.lockChain();
        Instant receivedAt = clock.instant();
        appendLocked(envelopes.stream().map(e -> new Arrival(e, receivedAt)).toList());
    }

    /** Appends one message; a message id already archived is left alone. Must run inside a transaction. */
    public void append(Envelope envelope, Instant receivedAt) {
        switchToWriterRole();
        records.lockChain();
        appendLocked(List.of(new Arrival(envelope, receivedAt)));
    }

    /** A message and when the archive received it. */
    private record Arrival(Envelope envelope, Instant receivedAt) {
    }

    /** A message made ready to be chained: its payload and documents as they are stored and hashed. */
    private record Prepared(Arrival arrival, String payload, List<RecordRepository.NewDocument> documents,
                            List<RecordLine.DocumentHash> hashes, List<UUID> linkedPlans) {
    }

    /**
     * Chains the messages, in their order, after the archive's head and each after its plan's newest record; those
     * already archived (and a second copy in the same batch) are left alone. The chain's lock must be held.
     */
    private void appendLocked(List<Arrival> arrivals) {
        Set<UUID> seen = new HashSet<>(records.archived(arrivals.stream().map(a -> a.envelope().messageId()).toList()));
        List<Arrival> fresh = arrivals.stream().filter(a -> seen.add(a.envelope().messageId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        List<Prepared> prepared = prepare(fresh);
        String prevArchive = records.head().map(ChainRepository.Head::hash).orElse(RecordLine.GENESIS);
        Map<UUID, String> planHeads = new HashMap<>(records.lastHashOfPlans(fresh.stream().map(a -> a.envelope().planId())
                .filter(Objects::nonNull).distinct().toList()));
        long[] seqs = records.nextSeqs(prepared.size());
        List<RecordLine> lines = new ArrayList<>();
        List<RecordRepository.Numbered> documents = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            Envelope envelope = p.arrival().envelope();
            long seq = seqs[i];
            String prevPlan = envelope.planId() == null ? RecordLine.GENESIS
                    : planHeads.getOrDefault(envelope.planId(), RecordLine.GENESIS);
            RecordLine line = new RecordLine(RecordLine.CURRENT_FORMAT, seq, envelope.messageId(), envelope.type(),
                    envelope.schemaVersion(), envelope.occurredAt(), p.arrival().receivedAt(), envelope.municipality(),
                    envelope.planId(), envelope.causationId(), envelope.actor(), p.payload(), p.linkedPlans(), p.hashes(), prevPlan,
                    prevArchive);
            lines.add(line);
            prevArchive = line.hash();
            if (envelope.planId() != null) {
                planHeads.put(envelope.planId(), line.hash());
            }
            for (int d = 0; d < p.documents().size(); d++) {
                documents.add(new RecordRepository.Numbered(seq, d, p.documents().get(d)));
            }
            p.linkedPlans().forEach(plan -> links.add(new Object[]{seq, plan}));
        }
        records.insert(lines);
        records.insertDocuments(documents);
        records.linkPlans(links);
    }

    /**
     * Each message's payload as the record keeps it and the frozen documents it carries, with their hashes. Every JSON
     * text is taken as PostgreSQL prints it as jsonb (what is stored is what is hashed), all in one round trip.
     */
    private List<Prepared> prepare(List<Arrival> arrivals) {
        List<String> json = new ArrayList<>();
        List<List<FrozenDocuments.Found>> found = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            Envelope envelope = arrival.envelope();
            json.add(toJson(FrozenDocuments.recorded(envelope.type(), envelope.payload())));
            List<FrozenDocuments.Found> docs = FrozenDocuments.in(envelope.type(), envelope.payload());
            for (FrozenDocuments.Found doc : docs) {
                if (!FrozenDocuments.PDF.equals(doc.mediaType()) && doc.field() != null) {
                    json.add(toJson(envelope.payload().get(doc.field())));
                }
            }
            found.add(docs);
        }
        Iterator<String> canonical = records.canonicalJson(json).iterator();
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            Envelope envelope = arrivals.get(i).envelope();
            String payload = canonical.next();
            List<RecordRepository.NewDocument> documents = new ArrayList<>();
            List<RecordLine.DocumentHash> hashes = new ArrayList<>();
            for (FrozenDocuments.Found doc : found.get(i)) {
                boolean pdf = FrozenDocuments.PDF.equals(doc.mediaType());
                JsonNode tree = doc.field() != null ? envelope.payload().get(doc.field()) : null;
                byte[] bytes = pdf ? Base64.getDecoder().decode(tree.getStringValue()) : null;
                String content = pdf ? null : doc.field() != null ? canonical.next() : doc.html();
                String plainText = FrozenDocuments.plainText(doc.mediaType(), tree, doc.html());
                String sha256 = pdf ? Hashes.sha256Hex(bytes) : Hashes.sha256Hex(content);
                documents.add(new RecordRepository.NewDocument(doc.kind().name(), doc.title(), doc.mediaType(), content, bytes,
                        sha256, doc.declaredHash(), plainText));
                hashes.add(new RecordLine.DocumentHash(doc.kind().name(), sha256, doc.title(), doc.mediaType(), doc.declaredHash(),
                        Hashes.sha256Hex(plainText)));
            }
            List<UUID> linkedPlans = FrozenDocuments.linkedPlans(envelope.type(), envelope.payload()).stream()
                    .filter(plan -> !plan.equals(envelope.planId())).distinct().toList();
            prepared.add(new Prepared(arrivals.get(i), payload, documents, hashes, linkedPlans));
        }
        return prepared;
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
