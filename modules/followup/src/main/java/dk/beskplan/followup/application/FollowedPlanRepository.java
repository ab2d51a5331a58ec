package dk.beskplan.followup.application;

import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plans in follow-up with their goals and success criteria as approved. */
@Singleton
class FollowedPlanRepository {
    /** A goal with one of its criteria ("code: text"), for mails. */
    record GoalLine(int goal, String label, String title, String criterion) {
    }

    /** A criterion with its target's period and the goal's current manager. */
    record CriterionOwner(int goal, int number, LocalDate deadline, boolean continuesAfterDeadline, @Nullable String manager) {
    }

    /** The plans' rows as {@link #plan(ResultSet)} reads them. */
    private static final String SELECT = "select plan_id, municipality, title, from_year, to_year, state, opened_at, closed_at"
            + " from followup.followed_plan";

    private final Sql sql;

    FollowedPlanRepository(Sql sql) {
        this.sql = sql;
    }

    /** Opens follow-up on the plan; false when it was opened already. */
    boolean open(UUID planId, String municipality, String title, int fromYear, int toYear, int approvedRevision, Instant now,
                 String document, String contentHash) {
        return sql.update("insert into followup.followed_plan (plan_id, municipality, title, from_year, to_year,"
                        + " approved_revision, opened_at, document, content_hash) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
                        + " on conflict do nothing",
                planId, municipality, title, fromYear, toYear, approvedRevision, now, document, contentHash) != 0;
    }

    void insertGoal(UUID planId, int number, String label, String title) {
        sql.update("insert into followup.goal (plan_id, number, label, title) values (?, ?, ?, ?)", planId, number, label, title);
    }

    /** Rows of (plan_id, goal_number, number, code, text, target_group, indicator, data_source, deadline, target json,
     *  baselines json, continues_after_deadline, targets json or null, deadline as written), in one round trip. */
    void insertCriteria(List<Object[]> rows) {
        sql.batch("insert into followup.criterion (plan_id, goal_number, number, code, text, target_group, indicator,"
                + " data_source, deadline, target, baselines, continues_after_deadline, targets, deadline_written)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?)",
                rows);
    }

    Optional<Views.Plan> find(UUID planId) {
        return sql.queryOne(SELECT + " where plan_id = ?", FollowedPlanRepository::plan, planId);
    }

    /** The municipality's plans in follow-up, newest period first. */
    List<Views.Plan> inMunicipality(String municipality) {
        return sql.query(SELECT + " where municipality = ? order by from_year desc, title", FollowedPlanRepository::plan, municipality);
    }

    private static Views.Plan plan(ResultSet rs) throws SQLException {
        return new Views.Plan(rs.getObject("plan_id", UUID.class), rs.getString("municipality"), rs.getString("title"),
                rs.getInt("from_year"), rs.getInt("to_year"), rs.getString("state"), Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "closed_at"));
    }

    /** The plan's id when it is in follow-up. */
    Optional<UUID> id(UUID planId) {
        return sql.queryOne("select plan_id from followup.followed_plan where plan_id = ?", rs -> rs.getObject(1, UUID.class), planId);
    }

    /** Locks the plan's row until the transaction ends. */
    void lock(UUID planId) {
        sql.queryOne("select 1 from followup.followed_plan where plan_id = ? for update", rs -> 1, planId);
    }

    /** Closes the plan's follow-up; false when it was not open. */
    boolean close(UUID planId, Instant now, String by, @Nullable String reason) {
        return sql.update("update followup.followed_plan set state = 'CLOSED', closed_at = ?, closed_by = ?, closed_reason = ?"
                + " where plan_id = ? and state = 'OPEN'", now, by, reason, planId) == 1;
    }

    /** Every goal's criteria in order, or only {@code onlyGoal}'s. */
    List<GoalLine> goalLines(UUID planId, @Nullable Integer onlyGoal) {
        return sql.query("select g.number, g.label, g.title, coalesce(c.code || ': ', '') || c.text"
                        + " from followup.goal g join followup.criterion c on c.plan_id = g.plan_id and c.goal_number = g.number"
                        + " where g.plan_id = ? and (cast(? as integer) is null or g.number = ?) order by g.number, c.number",
                rs -> new GoalLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)), planId, onlyGoal, onlyGoal);
    }

    List<CriterionOwner> criteriaWithManagers(UUID planId) {
        return sql.query("select c.goal_number, c.number, c.deadline, c.continues_after_deadline, (select a.manager from followup.goal_assignment a"
                + " where a.plan_id = c.plan_id and a.goal_number = c.goal_number order by a.assigned_at desc, a.id limit 1) manager"
                + " from followup.criterion c where c.plan_id = ?", rs -> new CriterionOwner(rs.getInt("goal_number"), rs.getInt("number"),
                rs.getObject("deadline", LocalDate.class), rs.getBoolean("continues_after_deadline"), rs.getString("manager")), planId);
    }
}
