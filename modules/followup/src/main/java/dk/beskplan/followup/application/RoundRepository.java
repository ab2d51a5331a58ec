package dk.beskplan.followup.application;

import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A plan's status rounds and who answers for its goals (the goal assignments). */
@Singleton
class RoundRepository {
    /** How many rounds a plan has and how many of them the committee noted. */
    record Counts(int rounds, int noted) {
    }

    private final Sql sql;

    RoundRepository(Sql sql) {
        this.sql = sql;
    }

    void insert(UUID roundId, UUID planId, int number, LocalDate dueDate, @Nullable String owner, Instant openedAt, String kind,
                int year, String label) {
        sql.update("insert into followup.status_round (id, plan_id, number, due_date, owner, state, opened_at, kind, year, label)"
                + " values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)", roundId, planId, number, dueDate, owner, openedAt, kind, year, label);
    }

    /** Numbers the plan's rounds again in due-date order (making room first). */
    void renumber(UUID planId) {
        sql.update("update followup.status_round set number = -number - 1000 where plan_id = ?", planId);
        sql.update("update followup.status_round r set number = o.n from (select id, row_number() over (order by due_date) n"
                + " from followup.status_round where plan_id = ?) o where r.id = o.id", planId);
    }

    void moveDueDate(UUID roundId, LocalDate dueDate, String by) {
        sql.update("update followup.status_round set due_date = ?, due_moved_by = ? where id = ?", dueDate, by, roundId);
    }

    /** Locks the round's row until the transaction ends. */
    void lock(UUID roundId) {
        sql.queryOne("select 1 from followup.status_round where id = ? for update", rs -> 1, roundId);
    }

    /** Locks the round's row until the transaction ends; its state. */
    Optional<String> lockState(UUID roundId) {
        return sql.queryOne("select state from followup.status_round where id = ? for update", rs -> rs.getString(1), roundId);
    }

    void closeNotFollowedUp(UUID roundId, String reason, String by, Instant now) {
        sql.update("update followup.status_round set state = 'NOT_FOLLOWED_UP', closed_reason = ?, closed_by = ?, closed_at = ?"
                + " where id = ?", reason, by, now, roundId);
    }

    void submitted(UUID roundId, Instant now) {
        sql.update("update followup.status_round set state = 'SUBMITTED', submitted_at = ? where id = ?", now, roundId);
    }

    /** The committee noted the round's report; a round closed otherwise stays as it is. */
    void noted(UUID roundId, Instant now) {
        sql.update("update followup.status_round set state = 'NOTED', noted_at = ? where id = ? and state = 'SUBMITTED'", now, roundId);
    }

    /** True when every round of the plan is noted or closed as not followed up. */
    boolean everyRoundDone(UUID planId) {
        return sql.queryOne("select count(*) = count(*) filter (where state in ('NOTED', 'NOT_FOLLOWED_UP'))"
                + " from followup.status_round where plan_id = ?", rs -> rs.getBoolean(1), planId).orElse(false);
    }

    Counts counts(UUID planId) {
        return sql.queryOne("select count(*), count(*) filter (where state = 'NOTED') from followup.status_round where plan_id = ?",
                rs -> new Counts(rs.getInt(1), rs.getInt(2)), planId).orElseThrow();
    }

    /** The earliest due date of the plan's open rounds. */
    Optional<LocalDate> nextOpenDue(UUID planId) {
        return sql.queryOne("select min(due_date) from followup.status_round where plan_id = ? and state = 'OPEN'",
                rs -> rs.getObject(1, LocalDate.class), planId);
    }

    /** Records that {@code manager} answers for the goal from now on. */
    void assignGoal(UUID id, UUID planId, int goalNumber, String manager, String assignedBy, Instant at) {
        sql.update("insert into followup.goal_assignment (id, plan_id, goal_number, manager, assigned_by, assigned_at)"
                + " values (?, ?, ?, ?, ?, ?)", id, planId, goalNumber, manager, assignedBy, at);
    }
}
