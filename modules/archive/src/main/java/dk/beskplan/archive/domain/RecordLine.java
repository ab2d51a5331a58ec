package dk.beskplan.archive.domain;

import dk.beskplan.platform.domain.JsonStrings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One archive record in its canonical form: the JSON text whose SHA-256 is the record's hash. The same bytes
 * are the record's file in an archival package, so anyone can check a record with {@code sha256sum}.
 * <p>
 * The form is fixed so that it can be rebuilt from the stored columns: fields in this order, no spaces,
 * strings escaped as JSON requires (and nothing more), times in UTC with exactly six decimals (PostgreSQL
 * keeps microseconds), {@code payload} as PostgreSQL prints the stored jsonb, {@code documents} as the kind and
 * SHA-256 of each frozen document the record carries. The hashes of the previous record of the same plan and
 * of the whole archive are part of the text, which is what chains the records.
 */
public record RecordLine(long seq, UUID messageId, String type, int schemaVersion, Instant occurredAt, Instant receivedAt,
                         String municipality, UUID planId, UUID causationId, String actor, String payloadJson,
                         List<DocumentHash> documents, String prevPlanHash, String prevArchiveHash) {

    /** What the first record of a chain points back to. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** A frozen document's kind and the SHA-256 of its content. */
    public record DocumentHash(String kind, String sha256) {
    }

    public RecordLine {
        occurredAt = micros(occurredAt);
        receivedAt = micros(receivedAt);
        documents = List.copyOf(documents);
    }

    /** PostgreSQL stores microseconds; hash exactly what is stored. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public String json() {
        StringBuilder out = new StringBuilder(256 + payloadJson.length());
        out.append("{\"seq\":").append(seq)
                .append(",\"messageId\":").append(string(messageId))
                .append(",\"type\":").append(string(type))
                .append(",\"schemaVersion\":").append(schemaVersion)
                .append(",\"occurredAt\":").append(string(UTC_MICROS.format(occurredAt)))
                .append(",\"receivedAt\":").append(string(UTC_MICROS.format(receivedAt)))
                .append(",\"municipality\":").append(string(municipality))
                .append(",\"planId\":").append(string(planId))
                .append(",\"causationId\":").append(string(causationId))
                .append(",\"actor\":").append(string(actor))
                .append(",\"payload\":").append(payloadJson)
                .append(",\"documents\":[");
        for (int i = 0; i < documents.size(); i++) {
            DocumentHash d = documents.get(i);
            out.append(i == 0 ? "" : ",").append("{\"kind\":").append(string(d.kind()))
                    .append(",\"sha256\":").append(string(d.sha256())).append('}');
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
        return sha256(bytes());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
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
