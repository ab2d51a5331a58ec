package dk.beskplan.followup.application;

import dk.beskplan.followup.document.StatusChart;
import dk.beskplan.platform.security.CurrentUser;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The follow-up overview as CSV for a spreadsheet: one row per criterion and round, semicolon-separated with a
 * UTF-8 byte-order mark and decimal commas, so Danish Excel opens it as it is.
 */
@Singleton
public class OverviewCsv {
    private final FollowUpQueries queries;

    OverviewCsv(FollowUpQueries queries) {
        this.queries = queries;
    }

    @Transactional
    public byte[] csv(UUID planId, CurrentUser user) {
        Views.Overview overview = queries.overview(planId, user);
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, List.of("Mål", "Succeskriterium", "Kriteriets tekst", "Målgruppe", "Dette måles der på", "Datakilde", "Mål (regel)",
                "Ansvarlig", "Runde", "Frist", "Målt værdi", "Sammenligningsværdi", "Målt den", "Vurdering", "Kommentar"));
        for (Views.GoalStatus goal : overview.goals()) {
            for (Views.CriterionStatus criterion : goal.criteria()) {
                for (Views.Task t : criterion.tasks()) {
                    boolean reported = "REPORTED".equals(t.state());
                    List<String> cells = new ArrayList<>(List.of(goal.goal().label() + ": " + goal.goal().title(), t.name(),
                            t.criterionText(), orEmpty(t.targetGroup()), orEmpty(t.indicator()), orEmpty(t.criterionDataSource()),
                            t.targetDescription(), orEmpty(goal.goal().managerName()), t.roundLabel(), t.dueDate().toString(),
                            reported && t.value() != null ? StatusChart.number(t.value()) : "",
                            reported && t.comparisonValue() != null ? StatusChart.number(t.comparisonValue()) : "",
                            reported && t.measuredOn() != null ? t.measuredOn().toString() : "",
                            reported ? t.evaluationText() : "Mangler", reported ? orEmpty(t.comment()) : ""));
                    row(out, cells);
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c.contains(";") || c.contains("\"") || c.contains("\n")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            out.append(i == 0 ? "" : ";").append(c);
        }
        out.append("\r\n");
    }
}
