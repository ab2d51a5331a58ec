package dk.beskplan.archive.domain;

import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.domain.JsonStrings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One archive record in its canonical form: the JSON text whose SHA-256 is the record's hash. The same bytes
 * are the record's file in an archival package, so anyone can check a record with {@code sha256sum}.
 * <p>
 * The form is fixed so that it can be rebuilt from the stored columns: fields in this order, no spaces,
 * strings escaped as JSON requires (and nothing more), times in UTC with exactly six decimals (PostgreSQL
 * keeps microseconds), {@code payload} as PostgreSQL prints the stored jsonb. The hashes of the previous record of
 * the same plan and of the whole archive are part of the text, which is what chains the records.
 * <p>
 * Two formats, told apart by the stored {@code format} column (an insert-only archive is never re-hashed):
 * <ul>
 *   <li><b>1</b> (records written before format 2): {@code documents} lists each frozen document's kind and the
 *       SHA-256 of its content only; the document's title, media type and search text and the links to further
 *       plans are outside the hash.</li>
 *   <li><b>2</b>: starts with {@code "format":2} and covers every stored field: also {@code linkedPlans} (the other
 *       plans the record is about, sorted) and per document its title, media type, declared hash and the SHA-256
 *       of its search text.</li>
 * </ul>
 */
public record RecordLine(int format, long seq, UUID messageId, String type, int schemaVersion, Instant occurredAt,
                         Instant receivedAt, String municipality, UUID planId, UUID causationId, String actor,
                         String payloadJson, List<UUID> linkedPlans, List<DocumentHash> documents, String prevPlanHash,
                         String prevArchiveHash) {

    /** The format new records are written in. */
    public static final int CURRENT_FORMAT = 2;

    /** What the first record of a chain points back to. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * A frozen document as its record's hash covers it: kind and SHA-256 of its content (format 1), and in format 2
     * also its title, media type, the hash its sender declared (may be null) and the SHA-256 of its search text.
     */
    public record DocumentHash(String kind, String sha256, String title, String mediaType, String declaredHash,
                               String plainTextSha256) {
        /** A format 1 record's document: kind and content hash only. */
        public DocumentHash(String kind, String sha256) {
            this(kind, sha256, null, null, null, null);
        }
    }

    public RecordLine {
        if (format < 1 || format > CURRENT_FORMAT) {
            throw new IllegalArgumentException("unknown archive record format " + format);
        }
        occurredAt = micros(occurredAt);
        receivedAt = micros(receivedAt);
        linkedPlans = linkedPlans.stream().sorted().toList();
        documents = List.copyOf(documents);
    }

    /** A format 1 record (no links to further plans in its hash). */
    public RecordLine(long seq, UUID messageId, String type, int schemaVersion, Instant occurredAt, Instant receivedAt,
                      String municipality, UUID planId, UUID causationId, String actor, String payloadJson,
                      List<DocumentHash> documents, String prevPlanHash, String prevArchiveHash) {
        this(1, seq, messageId, type, schemaVersion, occurredAt, receivedAt, municipality, planId, causationId, actor,
                payloadJson, List.of(), documents, prevPlanHash, prevArchiveHash);
    }

    /** PostgreSQL stores microseconds; hash exactly what is stored. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public String json() {
        StringBuilder out = new StringBuilder(256 + payloadJson.length());
        out.append(format == 1 ? "{" : "{\"format\":" + format + ",").append("\"seq\":").append(seq)
                .append(",\"messageId\":").append(string(messageId))
                .append(",\"type\":").append(string(type))
                .append(",\"schemaVersion\":").append(schemaVersion)
                .append(",\"occurredAt\":").append(string(UTC_MICROS.format(occurredAt)))
                .append(",\"receivedAt\":").append(string(UTC_MICROS.format(receivedAt)))
                .append(",\"municipality\":").append(string(municipality))
                .append(",\"planId\":").append(string(planId))
                .append(",\"causationId\":").append(string(causationId))
                .append(",\"actor\":").append(string(actor))
                .append(",\"payload\":").append(payloadJson);
        if (format >= 2) {
            out.append(",\"linkedPlans\":[");
            for (int i = 0; i < linkedPlans.size(); i++) {
                out.append(i == 0 ? "" : ",").append(string(linkedPlans.get(i)));
            }
            out.append(']');
        }
        out.append(",\"documents\":[");
        for (int i = 0; i < documents.size(); i++) {
            DocumentHash d = documents.get(i);
            out.append(i == 0 ? "" : ",").append("{\"kind\":").append(string(d.kind()));
            if (format >= 2) {
                out.append(",\"title\":").append(string(d.title()))
                        .append(",\"mediaType\":").append(string(d.mediaType()))
                        .append(",\"declaredHash\":").append(string(d.declaredHash()))
                        .append(",\"plainTextSha256\":").append(string(d.plainTextSha256()));
            }
            out.append(",\"sha256\":").append(string(d.sha256())).append('}');
        }
        return out.append("],\"prevPlanHash\":").append(string(prevPlanHash))
                .append(",\"prevArchiveHash\":").append(string(prevArchiveHash))
                .append('}').toString();
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    /** The record's hash: SHA-256 (hex) of its canonical JSON. */
    public String hash() {
        return Hashes.sha256Hex(bytes());
    }

    /** A JSON string literal, or {@code null}: escaped as JSON requires, nothing more (as PostgreSQL prints jsonb). */
    public static String string(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        return JsonStrings.appendQuoted(s, new StringBuilder(s.length() + 2)).toString();
    }
}
