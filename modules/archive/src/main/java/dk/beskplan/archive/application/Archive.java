package dk.beskplan.archive.application;

import dk.beskplan.archive.ArchiveModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.EveryMessageHandler;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Receives every message and answers with a plan's timeline: what happened, who did it, when. */
@Singleton
public class Archive implements EveryMessageHandler {

    /** One event in a plan's history. */
    @Serdeable
    public record TimelineEntry(long seq, UUID messageId, String type, String what, Instant occurredAt, String actor,
                                @Nullable UUID causationId) {
    }

    private final Sql sql;
    private final JsonMapper json;

    Archive(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    public String module() {
        return ArchiveModule.MODULE.name();
    }

    @Override
    public void handle(Envelope envelope) {
        // The payload is kept as the JSON it arrived as (JsonNode.toString() is not JSON).
        sql.update("insert into archive.record (message_id, plan_id, municipality, type, schema_version, occurred_at,"
                        + " actor, causation_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (message_id) do nothing",
                envelope.messageId(), envelope.planId(), envelope.municipality(), envelope.type(), envelope.schemaVersion(),
                envelope.occurredAt(), envelope.actor(), envelope.causationId(), toJson(envelope.payload()));
    }

    @Transactional
    public List<TimelineEntry> timeline(UUID planId, CurrentUser user) {
        List<Object[]> rows = sql.query("select seq, message_id, type, occurred_at, actor, causation_id, municipality, payload"
                        + " from archive.record where plan_id = ? order by occurred_at, seq",
                rs -> new Object[]{new TimelineEntry(rs.getLong("seq"), rs.getObject("message_id", UUID.class),
                        rs.getString("type"), describe(rs.getString("type"), rs.getString("payload")), Sql.instant(rs, "occurred_at"),
                        rs.getString("actor"), rs.getObject("causation_id", UUID.class)), rs.getString("municipality")},
                planId);
        if (rows.isEmpty() || !user.canSee((String) rows.get(0)[1])) {
            throw new NotFound("Planen findes ikke i arkivet");
        }
        return rows.stream().map(r -> (TimelineEntry) r[0]).toList();
    }

    private String toJson(JsonNode payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event in words (Danish, as the pages show it). */
    String describe(String type, String payload) {
        JsonNode p = parse(payload);
        String body = text(p, "decidingBody", "udvalget");
        return switch (type) {
            case "drafting.plan-draft-created" -> "Udkast oprettet";
            case "drafting.plan-submitted" -> "Indsendt til godkendelse";
            case "drafting.plan-withdrawn" -> "Trukket tilbage af forvaltningen";
            case "drafting.plan-approved" -> "Godkendt udgave i kraft";
            case "approval.plan-placed-on-agenda" -> "Sat på dagsordenen: " + body + ", mødet " + danishDate(text(p, "meetingDate", ""))
                    + (p != null && p.get("late") != null && p.get("late").getBooleanValue() ? " (for sent indkommet)" : "");
            case "approval.plan-decision-recorded" -> decision(p, body);
            case "approval.decision-corrected" -> "Beslutning rettet: " + text(p, "reason", "");
            case "approval.hearing-answer-recorded" -> "Høringssvar fra " + text(p, "body", "høringsparten");
            case "approval.meeting-protocol-published" -> "Beslutningsprotokol offentliggjort: " + body;
            case "approval.status-report-noted" -> "Status taget til efterretning af " + body;
            case "followup.follow-up-opened" -> "Opfølgning åbnet";
            case "followup.status-report-submitted" -> "Status sendt til udvalget: " + text(p, "roundLabel", "");
            default -> type;
        };
    }

    private static String decision(JsonNode p, String body) {
        boolean recommends = p != null && p.get("finalDecision") != null && !p.get("finalDecision").getBooleanValue();
        return switch (text(p, "decision", "")) {
            case "APPROVED" -> recommends ? "Indstillet til godkendelse af " + body : "Godkendt af " + body;
            case "APPROVED_WITH_AMENDMENTS" -> recommends ? "Indstillet til godkendelse med ændringer af " + body
                    : "Godkendt med ændringer af " + body;
            case "RETURNED" -> "Sendt tilbage til forvaltningen af " + body;
            case "REJECTED" -> "Forkastet af " + body;
            case "POSTPONED" -> "Udsat af " + body;
            default -> "Beslutning truffet af " + body;
        };
    }

    private static String text(JsonNode p, String name, String otherwise) {
        JsonNode value = p == null ? null : p.get(name);
        return value == null || !value.isString() ? otherwise : value.getStringValue();
    }

    private static String danishDate(String isoDate) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", java.util.Locale.forLanguageTag("da-DK"))
                    .format(java.time.LocalDate.parse(isoDate));
        } catch (java.time.format.DateTimeParseException e) {
            return isoDate;
        }
    }

    private JsonNode parse(String payload) {
        try {
            return json.readValue(payload, JsonNode.class);
        } catch (IOException e) {
            return null;
        }
    }
}
