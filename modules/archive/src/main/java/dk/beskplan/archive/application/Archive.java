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
        return switch (type) {
            case "drafting.plan-draft-created" -> "Udkast oprettet";
            case "drafting.plan-submitted" -> "Indsendt til godkendelse";
            case "approval.plan-decision-recorded" -> switch (field(payload, "decision")) {
                case "APPROVED" -> "Godkendt af udvalget";
                case "RETURNED" -> "Sendt tilbage til forvaltningen";
                case "REJECTED" -> "Forkastet af udvalget";
                default -> "Udvalgets beslutning";
            };
            case "followup.follow-up-opened" -> "Opfølgning åbnet";
            default -> type;
        };
    }

    private String field(String payload, String name) {
        try {
            JsonNode value = json.readValue(payload, JsonNode.class).get(name);
            return value == null || !value.isString() ? "" : value.getStringValue();
        } catch (IOException e) {
            return "";
        }
    }
}
