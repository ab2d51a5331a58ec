package dk.beskplan.followup.application;

import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Status reports as sent to the committee (one per round), with their PDF once rendered and the committee's noting. */
@Singleton
class ReportRepository {
    private final Sql sql;

    ReportRepository(Sql sql) {
        this.sql = sql;
    }

    void insert(UUID reportId, UUID roundId, UUID planId, String html, String summary, int missing, String compiledBy, Instant now) {
        sql.update("insert into followup.status_report (id, round_id, plan_id, html, summary, missing, compiled_by, compiled_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", reportId, roundId, planId, html, summary, missing, compiledBy, now);
    }

    Optional<StatusReports.Stored> ofRound(UUID roundId) {
        return sql.queryOne("select id, round_id, plan_id, html, summary, missing, compiled_at, noted_at, noted_by"
                        + " from followup.status_report where round_id = ?",
                rs -> new StatusReports.Stored(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getString("html"), rs.getString("summary"), rs.getInt("missing"), Sql.instant(rs, "compiled_at"),
                        Sql.instant(rs, "noted_at"), rs.getString("noted_by")), roundId);
    }

    /** The report's PDF when it has been rendered. */
    Optional<byte[]> pdf(UUID reportId) {
        return sql.queryOne("select pdf from followup.status_report where id = ? and pdf is not null", rs -> rs.getBytes(1), reportId);
    }

    /** Keeps the report's PDF unless it has one already. */
    void savePdf(UUID reportId, byte[] pdf) {
        sql.update("update followup.status_report set pdf = ? where id = ? and pdf is null", pdf, reportId);
    }

    /** Records the committee's noting; the report's round, or empty when the report is not ours or was noted before. */
    Optional<UUID> noted(UUID reportId, Instant now, String notedBy, LocalDate meetingDate, @Nullable String remarks) {
        return sql.queryOne("update followup.status_report set noted_at = ?, noted_by = ?, meeting_date = ?, remarks = ?"
                        + " where id = ? and noted_at is null returning round_id", rs -> rs.getObject(1, UUID.class),
                now, notedBy, meetingDate, remarks, reportId);
    }
}
