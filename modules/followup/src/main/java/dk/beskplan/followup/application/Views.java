package dk.beskplan.followup.application;

import dk.beskplan.followup.domain.Evaluation;
import dk.beskplan.followup.domain.Reading;
import dk.beskplan.followup.domain.TargetRule;
import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import dk.beskplan.platform.text.DanishFormats;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** What follow-up shows, on its pages and in its API. */
public final class Views {
    private Views() {
    }

    @Serdeable
    public record Plan(UUID planId, String municipality, String title, int fromYear, int toYear, String state,
                       Instant openedAt, @Nullable Instant closedAt) {
        public String period() {
            return fromYear == toYear ? Integer.toString(fromYear) : fromYear + "–" + toYear;
        }
    }

    /**
     * A status round. {@code state}: OPEN (reports are being made), SUBMITTED (its status report is with the committee),
     * NOTED (the committee noted it), NOT_FOLLOWED_UP (an official closed it as "ikke fulgt op", with a reason).
     */
    @Serdeable
    public record Round(UUID id, UUID planId, int number, String kind, int year, String label, LocalDate dueDate,
                        @Nullable String owner, String state, Instant openedAt, int tasks, int reported,
                        @Nullable UUID reportId, @Nullable Instant submittedAt, @Nullable Instant notedAt,
                        @Nullable String closedReason, @Nullable String closedBy, @Nullable Instant closedAt) {
        public int missing() {
            return tasks - reported;
        }

        /** Past its due date with reports still missing, and not yet noted or closed. */
        public boolean overdueOn(LocalDate today) {
            return today.isAfter(dueDate) && missing() > 0 && ("OPEN".equals(state) || "SUBMITTED".equals(state));
        }

        /** Its report has gone to the committee, been noted, or the round was closed without follow-up. */
        public boolean past() {
            return !"OPEN".equals(state);
        }
    }

    /** A round gone by, with the user's own criteria in it (what "Mine opgaver" lists under earlier rounds). */
    @Serdeable
    public record PastRound(Round round, String planTitle, List<Task> mine) {
    }

    /**
     * A plan in the list of plans in follow-up, with what it still waits for: rounds with missing reports (overdue
     * ones among them), status reports with the committee, and whether its period is over so it can be closed.
     * {@code waiting}: its period is over but its follow-up is not closed.
     */
    @Serdeable
    public record PlanListing(UUID planId, String municipality, String title, int fromYear, int toYear, String state,
                              Instant openedAt, @Nullable Instant closedAt, @Nullable String closedReason,
                              boolean periodOver, boolean waiting, int openRounds, int overdueRounds, int roundsWithCommittee,
                              @Nullable LocalDate nextDue) {
        public String period() {
            return fromYear == toYear ? Integer.toString(fromYear) : fromYear + "–" + toYear;
        }
    }

    @Serdeable
    public record Goal(int number, String label, String title, @Nullable String manager, @Nullable String managerName) {
    }

    /** An imported indicator value waiting to pre-fill a report. */
    @Serdeable
    public record Prefill(double value, @Nullable Double nationalValue, LocalDate measuredOn, int line, String importedBy) {
    }

    /**
     * One status task: the criterion as approved (its text verbatim, the target's data and rule), the round, its owner,
     * and the current report with the system's evaluation. {@code previous*} is the reading before it (an earlier round
     * or the plan's baseline), which "on track" and "closer than last time" compare with.
     */
    @Serdeable
    public record Task(UUID id, UUID roundId, UUID planId, String municipality, String planTitle, String roundLabel,
                       String roundState, LocalDate dueDate, int goalNumber, String goalLabel, String goalTitle,
                       int criterionNumber, @Nullable String code, String criterionText, @Nullable String targetGroup,
                       @Nullable String indicator, @Nullable String criterionDataSource,
                       @Schema(type = "string", description = "a day (2026-12-31) or, where the plan names only a month, the month (2026-12)", nullable = true) @Nullable PlanDate deadline,
                       @Schema(implementation = Object.class, description = "the target as in the plan document (schema Target)") Target target, String targetDescription, @Nullable String comparisonLabel,
                       @Nullable String owner, String state, int version, @Nullable Double value,
                       @Nullable Double comparisonValue, @Nullable LocalDate measuredOn, @Nullable String dataSource,
                       @Nullable String comment, @Nullable Evaluation evaluation, @Nullable String reportedBy,
                       @Nullable Instant reportedAt, @Nullable Prefill prefill, @Nullable Double previousValue,
                       @Nullable Double previousComparisonValue, boolean interim,
                       @ArraySchema(schema = @Schema(implementation = Object.class, description = "a status figure as in the plan document (schema Baseline)")) List<SuccessCriterion.Baseline> baselines,
                       List<TargetStatus> targets) {

        /** Whether the criterion sets several targets: each then has its own reading and evaluation ({@link #targets}). */
        public boolean severalTargets() {
            return targets.size() > 1;
        }

        /** Follow-up's rule for the approved target. */
        public TargetRule rule() {
            return new TargetRule(target);
        }

        /** "1a" when the plan codes its criteria, else "Succeskriterium 2". */
        public String name() {
            return code != null ? code : "Succeskriterium " + criterionNumber;
        }

        /** No number to report on: its one target, or every one of its targets, is words only. */
        public boolean narrative() {
            return targets.stream().allMatch(t -> t.rule().narrative());
        }

        public String evaluationText() {
            return evaluation == null ? "Mangler" : evaluation.danish();
        }

        public String light() {
            return evaluation == null ? "missing" : evaluation.light();
        }

        /** The reading as evaluation sees it, for values being entered. */
        public Reading reading(Double value, Double comparison, LocalDate measuredOn) {
            Reading before = previousValue == null ? null : Reading.of(previousValue, previousComparisonValue);
            return new Reading(value, comparison, measuredOn, interim, before);
        }
    }

    /**
     * One of a criterion's targets in a task, numbered from 0 in the plan's order: what it is and measures, its deadline,
     * whether this round's reading of it is interim, its reading in this task and the reading before it, and its own
     * evaluation. A criterion with one target has one, with the task's own values.
     */
    @Serdeable
    public record TargetStatus(int number, @Schema(implementation = Object.class, description = "the target as in the plan document (schema Target)") Target target,
                               String description, @Nullable String indicator,
                               @Schema(type = "string", description = "a day (2026-12-31) or, where the plan names only a month, the month (2026-12)", nullable = true) @Nullable PlanDate deadline,
                               @Nullable String comparisonLabel, boolean interim, @Nullable Double value,
                               @Nullable Double comparisonValue, @Nullable Evaluation evaluation, @Nullable Double previousValue,
                               @Nullable Double previousComparisonValue, @Nullable Double importedValue,
                               @Nullable Double importedComparisonValue) {

        /** Follow-up's rule for this target. */
        public TargetRule rule() {
            return new TargetRule(target);
        }

        /** This target's evaluation of values being entered. */
        public Evaluation evaluate(Double value, Double comparison, LocalDate measuredOn) {
            Reading before = previousValue == null ? null : Reading.of(previousValue, previousComparisonValue);
            return rule().evaluate(new Reading(value, comparison, measuredOn, interim, before));
        }

        public String evaluationText() {
            return evaluation == null ? "Mangler" : evaluation.danish();
        }

        public String light() {
            return evaluation == null ? "missing" : evaluation.light();
        }

        /** The target with what it measures: "Mindst 120 (Personer i jobrotation)". */
        public String label() {
            return indicator == null || indicator.isBlank() ? description : description + " (" + indicator + ")";
        }

        /** Its deadline in Danish as the plan prints it ("31. december 2026", "december 2026"), or a dash. */
        public String deadlineText() {
            return deadline == null ? "–" : deadline.words();
        }

        /** Its reported value in Danish (71,4, with % for a share), or a dash. */
        public String valueText() {
            return value == null ? "–" : withUnit(value);
        }

        /**
         * The reading before in Danish, with its unit and the comparison value where the target has one ("52 %",
         * "412 (landsgennemsnit 3,1)"), or null when there is none.
         */
        public String previousText() {
            if (previousValue == null) {
                return null;
            }
            return withUnit(previousValue) + (previousComparisonValue == null || comparisonLabel == null ? ""
                    : " (" + comparisonLabel.toLowerCase(Locale.ROOT) + " " + DanishFormats.number(previousComparisonValue) + ")");
        }

        private String withUnit(double number) {
            return DanishFormats.number(number) + (unit() == null ? "" : " " + unit());
        }

        /** The unit a reported value is in, shown beside it: "%" for a share or a rank. */
        public String unit() {
            return target instanceof Target.Share || target instanceof Target.Rank ? "%" : null;
        }
    }

    /** The plan's status at a glance: goals with their criteria's tasks in every round. */
    @Serdeable
    public record Overview(Plan plan, List<Round> rounds, List<GoalStatus> goals) {
    }

    @Serdeable
    public record GoalStatus(Goal goal, List<CriterionStatus> criteria) {
    }

    /**
     * A criterion with its task in each round that follows it up, in round order, and a cell per round of the plan:
     * the round's task, or, for a round after the target's deadline, its last reading carried over.
     */
    @Serdeable
    public record CriterionStatus(int number, String name, String text, String targetDescription, List<Task> tasks,
                                  List<Cell> cells) {
    }

    /**
     * One round's column for a criterion: its {@code task}; or none, when the round comes after the target's
     * deadline, with the {@code carried} task whose reading stands (null when there was none).
     */
    @Serdeable
    public record Cell(UUID roundId, String roundLabel, @Nullable Task task, @Nullable Task carried) {
        public boolean ended() {
            return task == null;
        }
    }
}
