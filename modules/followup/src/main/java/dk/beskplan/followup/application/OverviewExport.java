package dk.beskplan.followup.application;

import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.spreadsheet.Table;
import dk.beskplan.platform.spreadsheet.Table.Column;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The follow-up overview for a spreadsheet, as CSV or as an Excel workbook: one row per criterion and round, with
 * the goal, the criterion as approved, its manager and the round's report. Values and dates are typed, so they
 * sort and sum in Excel; text a user typed is guarded against formulas (platform {@link Table}).
 */
@Singleton
public class OverviewExport {
    private static final List<Column> COLUMNS = List.of(Column.text("Mål", 30), Column.text("Succeskriterium", 16),
            Column.text("Kriteriets tekst", 50), Column.text("Målgruppe", 24), Column.text("Dette måles der på", 30),
            Column.text("Datakilde", 18), Column.text("Mål (regel)", 36), Column.text("Ansvarlig", 22), Column.text("Runde", 20),
            Column.date("Frist"), Column.number("Målt værdi"), Column.number("Sammenligningsværdi"), Column.date("Målt den"),
            Column.text("Vurdering", 12), Column.text("Kommentar", 50));

    private final FollowUpQueries queries;

    OverviewExport(FollowUpQueries queries) {
        this.queries = queries;
    }

    @Transactional
    public byte[] csv(UUID planId, CurrentUser user) {
        return table(planId, user).csv();
    }

    @Transactional
    public byte[] xlsx(UUID planId, CurrentUser user) {
        return table(planId, user).xlsx();
    }

    private Table table(UUID planId, CurrentUser user) {
        Views.Overview overview = queries.overview(planId, user);
        Table table = new Table("Opfølgning", COLUMNS);
        for (Views.GoalStatus goal : overview.goals()) {
            for (Views.CriterionStatus criterion : goal.criteria()) {
                for (Views.Task t : criterion.tasks()) {
                    boolean reported = "REPORTED".equals(t.state());
                    if (t.severalTargets()) {
                        // Several targets: a row per target, with its own reading and verdict.
                        for (Views.TargetStatus target : t.targets()) {
                            table.row(goal.goal().label() + ": " + goal.goal().title(), t.name() + ", måltal " + (target.number() + 1),
                                    t.criterionText(), t.targetGroup(), target.indicator(), t.criterionDataSource(), target.description(),
                                    goal.goal().managerName(), t.roundLabel(), t.dueDate(), reported ? target.value() : null,
                                    reported ? target.comparisonValue() : null, reported ? t.measuredOn() : null,
                                    reported ? target.evaluationText() : "Mangler", reported ? t.comment() : null);
                        }
                        continue;
                    }
                    table.row(goal.goal().label() + ": " + goal.goal().title(), t.name(), t.criterionText(), t.targetGroup(),
                            t.indicator(), t.criterionDataSource(), t.targetDescription(), goal.goal().managerName(),
                            t.roundLabel(), t.dueDate(),
                            reported ? t.value() : null, reported ? t.comparisonValue() : null, reported ? t.measuredOn() : null,
                            reported ? t.evaluationText() : "Mangler", reported ? t.comment() : null);
                }
            }
        }
        return table;
    }

    /** The file name of a download, "opfoelgning-beskaeftigelsesplan-2025.xlsx": the plan's title in plain letters. */
    @Transactional
    public String fileName(UUID planId, CurrentUser user, String extension) {
        Views.Plan plan = queries.plan(planId, user);
        String title = plan.title().toLowerCase(java.util.Locale.ROOT)
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("–", "-")
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return "opfoelgning-" + title + "." + extension;
    }
}
