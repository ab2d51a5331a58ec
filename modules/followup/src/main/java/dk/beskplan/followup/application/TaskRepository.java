package dk.beskplan.followup.application;

import dk.beskplan.followup.domain.Evaluation;
import dk.beskplan.platform.persistence.JsonColumns;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Status tasks (one per criterion and round), the reports given on them, and imported indicator values. */
@Singleton
class TaskRepository {
    private final Sql sql;
    private final JsonColumns json;

    TaskRepository(Sql sql, JsonColumns json) {
        this.sql = sql;
        this.json = json;
    }

    /** Rows of (id, round_id, plan_id, goal_number, criterion_number, owner), in one round trip. */
    void insert(List<Object[]> tasks) {
        sql.batch("insert into followup.status_task (id, round_id, plan_id, goal_number, criterion_number, owner)"
                + " values (?, ?, ?, ?, ?, ?)", tasks);
    }

    /** The goal's tasks in the plan's open rounds go to {@code owner}. */
    void giveOpenTasks(UUID planId, int goalNumber, String owner) {
        sql.update("update followup.status_task set owner = ? where plan_id = ? and goal_number = ?"
                + " and round_id in (select id from followup.status_round where plan_id = ? and state = 'OPEN')", owner, planId, goalNumber, planId);
    }

    /** Saves a report on the task if its version is still {@code expectedVersion}; false otherwise (nothing saved). */
    boolean report(UUID taskId, int expectedVersion, @Nullable Double value, @Nullable Double comparisonValue,
                   @Nullable LocalDate measuredOn, @Nullable String dataSource, @Nullable String comment, Evaluation evaluation,
                   @Nullable List<Map<String, Object>> readings, String by, Instant now) {
        String readingsJson = json.write(readings);
        int updated = sql.update("update followup.status_task set value = ?, comparison_value = ?, measured_on = ?, data_source = ?,"
                        + " comment = ?, evaluation = ?, readings = ?::jsonb, state = 'REPORTED', version = version + 1, reported_by = ?,"
                        + " reported_at = ? where id = ? and version = ?", value, comparisonValue, measuredOn, dataSource, comment,
                evaluation, readingsJson, by, now, taskId, expectedVersion);
        if (updated == 0) {
            return false;
        }
        sql.update("insert into followup.task_report (id, task_id, value, comparison_value, measured_on, data_source, comment,"
                        + " evaluation, readings, reported_by, reported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)", UUID.randomUUID(),
                taskId, value, comparisonValue, measuredOn, dataSource, comment, evaluation, readingsJson, by, now);
        return true;
    }

    /** An imported indicator value for the task (replacing an earlier import). */
    void saveIndicatorValue(UUID taskId, int targetIndex, double value, @Nullable Double nationalValue, LocalDate measuredOn,
                            int sourceLine, String by, Instant now) {
        sql.update("insert into followup.indicator_value (task_id, target_index, value, national_value, measured_on, source_line,"
                        + " imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (task_id, target_index) do update"
                        + " set value = excluded.value, national_value = excluded.national_value, measured_on = excluded.measured_on,"
                        + " source_line = excluded.source_line, imported_by = excluded.imported_by, imported_at = excluded.imported_at",
                taskId, targetIndex, value, nationalValue, measuredOn, sourceLine, by, now);
    }

    /** The latest date a reported value in the round was measured on. */
    Optional<LocalDate> latestMeasuredOn(UUID roundId) {
        return sql.queryOne("select measured_on from followup.status_task where round_id = ? and state = 'REPORTED'"
                + " and measured_on is not null order by measured_on desc limit 1", rs -> rs.getObject(1, LocalDate.class), roundId);
    }

    /** Who still owes a report in the round, leaving out users who left. */
    List<String> ownersWithMissingReports(UUID roundId) {
        return sql.query("select distinct owner from followup.status_task"
                + " where round_id = ? and state = 'OPEN' and owner is not null"
                // a deactivated user gets no reminders; the escalation still names their missing tasks
                + " and owner not in (select username from followup.departed_user) order by owner", rs -> rs.getString(1), roundId);
    }
}
