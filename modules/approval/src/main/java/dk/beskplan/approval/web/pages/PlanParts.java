package dk.beskplan.approval.web.pages;

import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.PlanDocument;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbered parts of the plan text the committee was given, shown beside the amendment rows so that the
 * secretary can name "goal 2, objective 1" without counting.
 */
record PlanParts(int number, String label, String title, List<String> objectives, List<String> initiatives,
                 List<String> criteria) {

    static List<PlanParts> of(@Nullable PlanDocument document) {
        if (document == null) {
            return List.of();
        }
        List<PlanParts> parts = new ArrayList<>();
        int n = 0;
        for (Goal goal : document.goals()) {
            n++;
            parts.add(new PlanParts(n, text(goal.label()), text(goal.title()), goal.objectives(),
                    goal.initiatives().stream().map(i -> i.title() == null ? firstWords(i) : i.title()).toList(),
                    goal.successCriteria().stream().map(c -> (c.code() == null ? "" : c.code() + ": ") + c.text()
                            + " (måltal: " + AmendmentForm.inWords(c) + ")").toList()));
        }
        return parts;
    }

    private static String firstWords(PlanDocument.Initiative initiative) {
        if (!initiative.blocks().isEmpty() && (initiative.blocks().get(0) instanceof PlanDocument.Paragraph
                || initiative.blocks().get(0) instanceof PlanDocument.Heading)) {
            String t = initiative.blocks().get(0).plainText();
            return t.length() > 80 ? t.substring(0, 80) + " …" : t;
        }
        return "(uden titel)";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
