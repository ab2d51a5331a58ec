package dk.beskplan.followup.application;

import dk.beskplan.followup.domain.Evaluation;
import dk.beskplan.followup.domain.IndicatorCsv;
import dk.beskplan.followup.domain.TargetRule;
import dk.beskplan.plandocument.Target;
import dk.beskplan.followup.domain.TargetPeriod;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What managers and officials do in follow-up: report status on a criterion (the system evaluates it) and import
 * indicator values to pre-fill reports. A round whose last task is reported is compiled into its status report and
 * sent to the committee. Goals' managers and rounds' due dates are {@link FollowUpSteering}'s.
 */
@Singleton
public class Reporting {
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final int MAX_COMMENT = 4000;

    /**
     * A manager's report on one criterion: its value (and comparison value), or, on a criterion with several targets,
     * one reading per target in {@code readings}, in the targets' order; the date, source and comment are the report's.
     */
    @Serdeable
    public record ReportInput(@Nullable Double value, @Nullable Double comparisonValue, @Nullable LocalDate measuredOn,
                              @Nullable String dataSource, @Nullable String comment, @Nullable List<TargetValue> readings) {

        public ReportInput(Double value, Double comparisonValue, LocalDate measuredOn, String dataSource, String comment) {
            this(value, comparisonValue, measuredOn, dataSource, comment, null);
        }

        /** The reading of target {@code i}: the one value of a criterion with one target, else the i'th of readings. */
        TargetValue reading(int i) {
            if (readings == null) {
                return i == 0 ? new TargetValue(value, comparisonValue) : new TargetValue(null, null);
            }
            return i < readings.size() && readings.get(i) != null ? readings.get(i) : new TargetValue(null, null);
        }
    }

    /** The value reported for one of a criterion's several targets, and its comparison value where the target needs one. */
    @Serdeable
    public record TargetValue(@Nullable Double value, @Nullable Double comparisonValue) {
    }

    /** The outcome of a CSV import: the rows used, each with the criterion it pre-fills. */
    @Serdeable
    public record Imported(int rows, List<ImportedRow> matched) {
    }

    @Serdeable
    /** A row matched to a criterion, and for a criterion with several targets to one of them ({@code target}, from 1). */
    public record ImportedRow(int line, String measure, UUID taskId, String criterion, @Nullable Integer target, double value,
                              @Nullable Double nationalValue) {
    }

    private final RoundRepository rounds;
    private final TaskRepository statusTasks;
    private final FollowUpQueries queries;
    private final StatusReports reports;
    private final UserAccounts users;
    private final Clock clock;

    Reporting(RoundRepository rounds, TaskRepository statusTasks, FollowUpQueries queries, StatusReports reports, UserAccounts users, Clock clock) {
        this.rounds = rounds;
        this.statusTasks = statusTasks;
        this.queries = queries;
        this.reports = reports;
        this.users = users;
        this.clock = clock;
    }

    /** What the system would conclude from these values, without saving (the form shows it as values are typed). */
    @Transactional
    public Evaluation preview(UUID taskId, ReportInput input, CurrentUser user) {
        Views.Task task = queries.task(taskId, user);
        return evaluate(task, input);
    }

    static Evaluation evaluate(Views.Task task, ReportInput input) {
        if (!task.severalTargets()) {
            return task.rule().evaluate(task.reading(input.value(), input.comparisonValue(), input.measuredOn()));
        }
        return TargetRule.all(evaluations(task, input));
    }

    /** Each of the task's targets judged by its own rule on its reading. */
    static List<Evaluation> evaluations(Views.Task task, ReportInput input) {
        List<Evaluation> each = new ArrayList<>();
        for (Views.TargetStatus t : task.targets()) {
            TargetValue reading = input.reading(t.number());
            each.add(t.evaluate(reading.value(), reading.comparisonValue(), input.measuredOn()));
        }
        return each;
    }

    /**
     * Saves the report if {@code expectedVersion} is still the task's version. Refused with the fields named when the
     * values do not fit the target, and when the round's status report has already gone to the committee (a criterion
     * still missing in it may be reported late: the sent report stays as sent, the plan's overview shows the value).
     * <p>
     * Reports on one round are saved one at a time: the round's row is locked first, so whoever saves the last missing
     * report sees every other one and completes the round, exactly once, however many report at the same instant.
     */
    @Transactional
    public Views.Task report(UUID taskId, ReportInput input, int expectedVersion, CurrentUser user) {
        Views.Task seen = queries.task(taskId, user);
        requireMayReport(seen, user);
        rounds.lock(seen.roundId());
        Views.Task task = queries.task(taskId).orElseThrow();
        requireReportable(task);
        List<ProblemException.FieldError> errors = validate(task, input);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Evaluation evaluation = evaluate(task, input);
        String source = input.dataSource() == null || input.dataSource().isBlank() ? task.criterionDataSource() : input.dataSource().strip();
        String comment = Settings.blankToNull(input.comment());
        Instant now = clock.instant();
        TargetValue first = input.reading(0);
        if (!statusTasks.report(taskId, expectedVersion, first.value(), first.comparisonValue(), input.measuredOn(), source, comment,
                evaluation, readings(task, input), user.username(), now)) {
            throw new Conflict("Status på »" + task.name() + "« er ændret af en anden siden du hentede den; hent den igen");
        }
        Views.Round round = queries.round(task.roundId()).orElseThrow();
        if (round.missing() == 0 && "OPEN".equals(round.state())) {
            reports.compileAndSubmit(round.id(), user.username());
        }
        return queries.task(taskId).orElseThrow();
    }

    /** Each target's reading and evaluation, as a task on a criterion with several targets keeps them; null for one target. */
    private static List<Map<String, Object>> readings(Views.Task task, ReportInput input) {
        if (!task.severalTargets()) {
            return null;
        }
        List<Evaluation> each = evaluations(task, input);
        List<Map<String, Object>> readings = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            Map<String, Object> reading = new java.util.LinkedHashMap<>();
            reading.put("value", input.reading(i).value());
            reading.put("comparisonValue", input.reading(i).comparisonValue());
            reading.put("evaluation", each.get(i).name());
            readings.add(reading);
        }
        return readings;
    }

    private List<ProblemException.FieldError> validate(Views.Task task, ReportInput input) {
        if (task.severalTargets() || input.readings() != null) {
            return validateSeveral(task, input);
        }
        List<ProblemException.FieldError> errors = new ArrayList<>();
        if (input.value() != null && !Double.isFinite(input.value())) {
            return List.of(new ProblemException.FieldError("value", "skal være et tal som 71,4"));
        }
        if (input.comparisonValue() != null && !Double.isFinite(input.comparisonValue())) {
            return List.of(new ProblemException.FieldError("comparisonValue", "skal være et tal som 71,4"));
        }
        TargetRule rule = task.rule();
        String comment = Settings.blankToNull(input.comment());
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new ProblemException.FieldError("comment", "højst " + MAX_COMMENT + " tegn"));
        }
        if (rule.narrative()) {
            if (comment == null) {
                errors.add(new ProblemException.FieldError("comment", "beskriv status med ord: kriteriet har intet måltal"));
            }
            return errors;
        }
        if (input.value() == null) {
            if (comment == null) {
                errors.add(new ProblemException.FieldError("value", "angiv den målte værdi, eller skriv i kommentaren hvorfor den mangler"));
            }
        } else {
            valueFits(rule, input.value(), input.comparisonValue(), task.comparisonLabel(), "", errors);
            if (input.measuredOn() == null) {
                errors.add(new ProblemException.FieldError("measuredOn", "angiv hvilken dato værdien er målt"));
            }
        }
        measuredInThePast(input, errors);
        return errors;
    }

    /** A reported value fits its target: a share or rank a percentage, a count not negative, the comparison value given where needed. */
    private static void valueFits(TargetRule rule, double value, Double comparisonValue, String comparisonLabel, String fieldPrefix,
                                  List<ProblemException.FieldError> errors) {
        boolean share = rule.target() instanceof Target.Share || rule.target() instanceof Target.Rank;
        if (share && (value < 0 || value > 100)) {
            errors.add(new ProblemException.FieldError(fieldPrefix + "value", "skal være en procent mellem 0 og 100"));
        }
        if (rule.target() instanceof Target.Count && value < 0) {
            errors.add(new ProblemException.FieldError(fieldPrefix + "value", "et antal kan ikke være negativt"));
        }
        if (comparisonValue == null && (rule.comparison() == TargetRule.Comparison.NATIONAL || rule.comparison() == TargetRule.Comparison.REGIONAL)) {
            errors.add(new ProblemException.FieldError(fieldPrefix + "comparisonValue", comparisonLabel.toLowerCase(Locale.ROOT)
                    + " skal angives: målet sammenlignes med det"));
        }
    }

    private void measuredInThePast(ReportInput input, List<ProblemException.FieldError> errors) {
        if (input.measuredOn() != null && input.measuredOn().isAfter(LocalDate.now(clock.withZone(ZONE)))) {
            errors.add(new ProblemException.FieldError("measuredOn", "målingsdatoen kan ikke ligge i fremtiden"));
        }
    }

    /**
     * A report on a criterion with several targets: one reading per target in {@code readings} (fields
     * {@code readings[1].value}), each checked against its own target; a value without a target is refused.
     */
    private List<ProblemException.FieldError> validateSeveral(Views.Task task, ReportInput input) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        int targets = task.targets().size();
        if (!task.severalTargets()) {
            return List.of(new ProblemException.FieldError("readings", "kriteriet har ét måltal: angiv værdien i value"));
        }
        if (input.value() != null || input.comparisonValue() != null) {
            errors.add(new ProblemException.FieldError(input.value() != null ? "value" : "comparisonValue",
                    "kriteriet har " + targets + " mål: angiv en værdi for hvert i readings"));
        }
        if (input.readings() != null && input.readings().size() > targets) {
            errors.add(new ProblemException.FieldError("readings", "kriteriet har " + targets + " mål; der er angivet "
                    + input.readings().size() + " værdier"));
        }
        String comment = Settings.blankToNull(input.comment());
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new ProblemException.FieldError("comment", "højst " + MAX_COMMENT + " tegn"));
        }
        boolean anyValue = false;
        boolean numeric = false;
        for (Views.TargetStatus t : task.targets()) {
            TargetValue reading = input.reading(t.number());
            String field = "readings[" + t.number() + "].";
            if (reading.value() != null && !Double.isFinite(reading.value())
                    || reading.comparisonValue() != null && !Double.isFinite(reading.comparisonValue())) {
                errors.add(new ProblemException.FieldError(field + "value", "skal være et tal som 71,4"));
                continue;
            }
            TargetRule rule = t.rule();
            if (rule.narrative()) {
                continue;
            }
            numeric = true;
            if (reading.value() == null) {
                continue;
            }
            anyValue = true;
            valueFits(rule, reading.value(), reading.comparisonValue(), t.comparisonLabel(), field, errors);
        }
        if (comment == null && (!numeric || !anyValue)) {
            errors.add(numeric ? new ProblemException.FieldError("readings[0].value",
                    "angiv de målte værdier, eller skriv i kommentaren hvorfor de mangler")
                    : new ProblemException.FieldError("comment", "beskriv status med ord: kriteriet har intet måltal"));
        }
        if (anyValue && input.measuredOn() == null) {
            errors.add(new ProblemException.FieldError("measuredOn", "angiv hvilken dato værdierne er målt"));
        }
        measuredInThePast(input, errors);
        return errors;
    }

    /**
     * Who gives status on a task (docs/security.md, "Roles and actions"): an official of the municipality, or the manager
     * who answers for it (the task's owner, or the goal's manager now). Another manager is refused (403), however the
     * request was made.
     */
    void requireMayReport(Views.Task task, CurrentUser user) {
        if (!mayReport(task, user)) {
            throw forbidden("Du kan kun afgive status på mål, du er ansvarlig for. Status på »" + task.goalLabel() + "« afgives af "
                    + ownerName(task) + " eller af en embedsmand.");
        }
    }

    /** Whether the user may give status on the task (the rule of {@link #requireMayReport}). */
    public boolean mayReport(Views.Task task, CurrentUser user) {
        if (user.hasRole(Roles.OFFICIAL) && user.canSee(task.municipality()) && user.municipality() != null) {
            return true;
        }
        if (!user.hasRole(Roles.MANAGER)) {
            return false;
        }
        return user.username().equals(task.owner()) || queries.goals(task.planId()).stream()
                .anyMatch(g -> g.number() == task.goalNumber() && user.username().equals(g.manager()));
    }

    private String ownerName(Views.Task task) {
        return task.owner() == null ? "målets ansvarlige leder" : users.find(task.owner()).map(UserAccounts.User::displayName).orElse(task.owner());
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(io.micronaut.http.HttpStatus.FORBIDDEN, "Ikke tilladt", detail, List.of());
    }

    /** Reports are made in an open round; in a round whose report was sent, only what it marked missing, late. */
    private static void requireReportable(Views.Task task) {
        if (!reportable(task)) {
            throw new Conflict(switch (task.roundState()) {
                case "NOT_FOLLOWED_UP" -> task.roundLabel() + " er lukket som ikke fulgt op; status kan ikke afgives";
                case "NOTED" -> "Udvalget har taget " + task.roundLabel() + " til efterretning; status kan ikke længere ændres";
                default -> "Statusrapporten for " + task.roundLabel() + " er sendt til udvalget; status kan ikke længere ændres";
            });
        }
    }

    /** Whether status can be given on the task now: its round is open, or sent with this criterion missing. */
    public static boolean reportable(Views.Task task) {
        return "OPEN".equals(task.roundState()) || "SUBMITTED".equals(task.roundState()) && "OPEN".equals(task.state());
    }

    /**
     * Reads an indicator CSV export into a round: each row is matched to one criterion by its code (1a), its indicator
     * or its text, and pre-fills that criterion's report. Any row that cannot be read or matched is named, and then
     * nothing is imported.
     */
    @Transactional
    public Imported importCsv(UUID planId, UUID roundId, String csv, CurrentUser user) {
        Views.Plan plan = queries.plan(planId, user);
        Views.Round round = queries.round(planId, roundId, user);
        if (!"OPEN".equals(round.state())) {
            throw new Conflict("Statusrapporten for " + round.label() + " er sendt til udvalget; der kan ikke importeres til den");
        }
        IndicatorCsv.Parsed parsed = IndicatorCsv.parse(csv);
        List<IndicatorCsv.RowError> errors = new ArrayList<>(parsed.errors());
        List<Views.Task> tasks = queries.tasksOfRound(roundId);
        String municipalityName = users.municipalityName(plan.municipality());
        Map<String, Integer> seen = new HashMap<>();
        List<ImportedRow> matched = new ArrayList<>();
        for (IndicatorCsv.Row row : parsed.rows()) {
            List<String> problems = new ArrayList<>();
            if (!row.municipality().equalsIgnoreCase(plan.municipality()) && !row.municipality().equalsIgnoreCase(municipalityName)
                    && !(row.municipality() + " Kommune").equalsIgnoreCase(municipalityName)) {
                problems.add("kommune »" + row.municipality() + "« er ikke planens (" + plan.municipality() + " " + municipalityName + ")");
            }
            if (row.measuredOn().getYear() != round.year() || row.measuredOn().isAfter(round.dueDate())) {
                problems.add("periode »" + row.period() + "« hører ikke til " + round.label() + " (frist " + round.dueDate() + ")");
            }
            List<Views.Task> candidates = tasks.stream().filter(t -> matches(t, row.measure())).toList();
            int index = candidates.size() == 1 ? targetIndex(candidates.get(0), row.measure()) : -1;
            if (candidates.isEmpty()) {
                problems.add("mål »" + row.measure() + "« svarer ikke til noget succeskriterium i planen (brug koden, fx 1a, eller indikatorens navn)");
            } else if (candidates.size() > 1) {
                problems.add("mål »" + row.measure() + "« passer på flere succeskriterier: "
                        + String.join(", ", candidates.stream().map(t -> t.goalLabel() + " " + t.name()).toList()));
            } else {
                if (index < 0) {
                    // The criterion's code or text cannot say which of its targets the value is for; the target's indicator can.
                    problems.add("succeskriterium " + candidates.get(0).name() + " har flere måltal; skriv måltallets indikator i kolonnen mål ("
                            + String.join(", ", candidates.get(0).targets().stream().map(t -> "»" + t.indicator() + "«").toList())
                            + ")");
                } else {
                    Integer earlier = seen.putIfAbsent(candidates.get(0).id() + ":" + index, row.line());
                    if (earlier != null) {
                        problems.add(candidates.get(0).severalTargets() ? "samme mål som linje " + earlier
                                : "samme succeskriterium som linje " + earlier);
                    }
                }
            }
            if (problems.isEmpty() && !mayReport(candidates.get(0), user)) {
                problems.add("du er ikke ansvarlig for " + candidates.get(0).goalLabel() + " " + candidates.get(0).name()
                        + "; status på det afgives af " + ownerName(candidates.get(0)) + " eller af en embedsmand");
            }
            if (problems.isEmpty()) {
                Views.Task task = candidates.get(0);
                matched.add(new ImportedRow(row.line(), row.measure(), task.id(), task.goalLabel() + ", " + task.name(),
                        task.severalTargets() ? index + 1 : null, row.value(), row.nationalValue()));
            } else {
                errors.add(new IndicatorCsv.RowError(row.line(), String.join("; ", problems)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.stream().sorted(java.util.Comparator.comparingInt(IndicatorCsv.RowError::line))
                    .map(e -> new ProblemException.FieldError("file", "linje " + e.line() + ": " + e.message())).toList());
        }
        Instant now = clock.instant();
        for (ImportedRow row : matched) {
            IndicatorCsv.Row source = parsed.rows().stream().filter(r -> r.line() == row.line()).findFirst().orElseThrow();
            statusTasks.saveIndicatorValue(row.taskId(), row.target() == null ? 0 : row.target() - 1, row.value(), row.nationalValue(),
                    source.measuredOn(), row.line(), user.username(), now);
        }
        return new Imported(matched.size(), matched);
    }

    private static boolean matches(Views.Task task, String measure) {
        String m = normalise(measure);
        return (task.code() != null && normalise(task.code()).equals(m))
                || (task.indicator() != null && normalise(task.indicator()).equals(m))
                || normalise(task.criterionText()).equals(m)
                || task.severalTargets() && task.targets().stream().anyMatch(t -> t.indicator() != null && normalise(t.indicator()).equals(m));
    }

    /** Which target a row is for: 0 on a criterion with one target; else the target whose indicator it names, or -1. */
    private static int targetIndex(Views.Task task, String measure) {
        if (!task.severalTargets()) {
            return 0;
        }
        String m = normalise(measure);
        return task.targets().stream().filter(t -> t.indicator() != null && normalise(t.indicator()).equals(m))
                .mapToInt(Views.TargetStatus::number).findFirst().orElse(-1);
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[.]$", "");
    }
}
