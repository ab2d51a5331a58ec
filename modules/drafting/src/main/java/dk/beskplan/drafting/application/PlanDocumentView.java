package dk.beskplan.drafting.application;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.PlanDocumentWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model of the plan document template: the document itself plus what the municipality's own plans
 * show but do not store, such as the follow-up overview appendix built from the criteria.
 */
public final class PlanDocumentView {
    private PlanDocumentView() {
    }

    /**
     * @param status a line about the revision ("Godkendt udgave, revision 3"), or null
     */
    public static Map<String, Object> model(PlanDocument content, String status) {
        Map<String, Object> model = new HashMap<>();
        model.put("doc", PlanDocumentWriter.write(content));
        model.put("status", status);
        model.put("period", content.fromYear() == content.toYear() ? Integer.toString(content.fromYear())
                : content.fromYear() + "–" + content.toYear());
        model.put("sectionsBefore", placed(content, PlanDocument.Placement.BEFORE_GOALS));
        model.put("sectionsAfter", placed(content, PlanDocument.Placement.AFTER_GOALS));
        List<Map<String, Object>> appendices = placed(content, PlanDocument.Placement.APPENDIX);
        model.put("appendices", appendices);
        // The overview comes after the appendices the plan numbers itself (Frederikssund: Bilag 3).
        long numbered = content.sections().stream()
                .filter(s -> s.placement() == PlanDocument.Placement.APPENDIX && s.heading().startsWith("Bilag")).count();
        model.put("overviewTitle", content.layout().overviewHeading() != null ? content.layout().overviewHeading()
                : "Bilag " + (numbered + 1) + ": Mål, succeskriterier og opfølgning");
        // A plan that prints no overview appendix leaves it out (layout.omitOverview).
        model.put("overview", content.layout().omitOverview() ? List.of() : overview(content));
        return model;
    }

    private static List<Map<String, Object>> placed(PlanDocument content, PlanDocument.Placement placement) {
        return content.sections().stream().filter(s -> s.placement() == placement).map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("heading", s.heading());
            m.put("blocks", s.blocks().stream().map(PlanDocumentWriter::block).toList());
            return m;
        }).toList();
    }

    /** "Bilag 1": one row per success criterion — goal, target group, indicator, criterion, data source. */
    static List<Map<String, Object>> overview(PlanDocument content) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SuccessCriterion c : content.overallSuccessCriteria()) {
            rows.add(row("Overordnet", "Den overordnede ambition", c));
        }
        for (Goal g : content.goals()) {
            for (SuccessCriterion c : g.successCriteria()) {
                rows.add(row(g.label(), g.title(), c));
            }
        }
        return rows;
    }

    /**
     * What is measured: the criterion's indicator; with several targets that name their own, each of them too
     * ("Personer i jobrotation; Borgere i fleksjob"), so the appendix shows every target's measure.
     */
    private static String indicators(SuccessCriterion c) {
        List<String> measures = new ArrayList<>();
        if (c.indicator() != null && !c.indicator().isBlank()) {
            measures.add(c.indicator());
        }
        if (c.severalTargets()) {
            c.targets().stream().map(t -> t.indicator()).filter(i -> i != null && !i.isBlank() && !measures.contains(i))
                    .forEach(measures::add);
        }
        return String.join("; ", measures);
    }

    private static Map<String, Object> row(String label, String title, SuccessCriterion c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("goal", Goal.heading(label, title));
        row.put("targetGroup", c.targetGroup() == null ? "" : c.targetGroup());
        row.put("indicator", indicators(c));
        row.put("criterion", (c.code() == null ? "" : c.code() + ": ") + c.text());
        row.put("dataSource", c.dataSource() == null ? "" : c.dataSource());
        return row;
    }
}
