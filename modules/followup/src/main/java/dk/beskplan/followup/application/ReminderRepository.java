package dk.beskplan.followup.application;

import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reminders and escalations as claimed (one row per round, due date, stage and recipient), and the rounds due. */
@Singleton
class ReminderRepository {
    /** A round of an open plan, not yet noted, as the reminders see it. */
    record DueRound(UUID id, UUID planId, String planTitle, String municipality, String label, LocalDate dueDate, String state) {
    }

    private final Sql sql;

    ReminderRepository(Sql sql) {
        this.sql = sql;
    }

    /** Rounds of open plans, open or sent, due within {@code days} days of {@code today} (or overdue), by due date. */
    List<DueRound> dueWithin(int days, LocalDate today) {
        return sql.query("select r.id, r.plan_id, p.title, p.municipality, r.label,"
                        + " r.due_date, r.state from followup.status_round r join followup.followed_plan p on p.plan_id = r.plan_id"
                        + " where p.state = 'OPEN' and r.state in ('OPEN', 'SUBMITTED')"
                        + " and r.due_date - ? <= ?"
                        + " order by r.due_date",
                rs -> new DueRound(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7)), days, today);
    }

    /** The claim: exactly one transaction inserts this row; true for it, false for everyone else. */
    boolean claim(UUID id, UUID roundId, LocalDate dueDate, String stage, String recipient, @Nullable String email, String[] taskIds,
                  String subject, Instant now, String instance) {
        return sql.update("insert into followup.reminder (id, round_id, due_date, stage, recipient, email, task_ids, subject,"
                        + " claimed_at, claimed_by) values (?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?) on conflict do nothing",
                id, roundId, dueDate, stage, recipient, email, taskIds, subject, now, instance) == 1;
    }
}
