package dk.beskplan.archive.application;

import dk.beskplan.archive.ArchiveModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.EveryMessageHandler;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

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

    Archive(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String module() {
        return ArchiveModule.MODULE.name();
    }

    @Override
    public void handle(Envelope envelope) {
        sql.update("insert into archive.record (message_id, plan_id, municipality, type, schema_version, occurred_at,"
                        + " actor, causation_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing",
                envelope.messageId(), envelope.planId(), envelope.municipality(), envelope.type(), envelope.schemaVersion(),
                envelope.occurredAt(), envelope.actor(), envelope.causationId(), envelope.payload().toString());
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

    /** The event in words (Danish, as the pages show it). */
    static String describe(String type, String payload) {
        return switch (type) {
            case "drafting.plan-draft-created" -> "Udkast oprettet";
            case "drafting.plan-submitted" -> "Indsendt til godkendelse";
            case "approval.plan-decision-recorded" -> payload.contains("\"decision\":\"APPROVED\"") ? "Godkendt af udvalget"
                    : payload.contains("\"decision\":\"RETURNED\"") ? "Sendt tilbage til forvaltningen" : "Forkastet af udvalget";
            case "followup.follow-up-opened" -> "Opfølgning åbnet";
            default -> type;
        };
    }
}
