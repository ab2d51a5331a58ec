package dk.beskplan.drafting.document;

import dk.beskplan.drafting.domain.Goal;
import dk.beskplan.drafting.domain.PlanContent;
import dk.beskplan.drafting.domain.SuccessCriterion;

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
    public static Map<String, Object> model(PlanContent content, String status) {
        Map<String, Object> model = new HashMap<>();
        model.put("doc", PlanDocumentWriter.write(content));
        model.put("status", status);
        model.put("period", content.fromYear() == content.toYear() ? Integer.toString(content.fromYear())
                : content.fromYear() + "–" + content.toYear());
        model.put("sectionsBefore", placed(content, PlanContent.Placement.BEFORE_GOALS));
        model.put("sectionsAfter", placed(content, PlanContent.Placement.AFTER_GOALS));
        List<Map<String, Object>> appendices = placed(content, PlanContent.Placement.APPENDIX);
        model.put("appendices", appendices);
        // The overview comes after the appendices the plan numbers itself (Frederikssund: Bilag 3).
        long numbered = content.sections().stream()
                .filter(s -> s.placement() == PlanContent.Placement.APPENDIX && s.heading().startsWith("Bilag")).count();
        model.put("overviewTitle", content.layout().overviewHeading() != null ? content.layout().overviewHeading()
                : "Bilag " + (numbered + 1) + ": Mål, succeskriterier og opfølgning");
        model.put("overview", overview(content));
        return model;
    }

    private static List<Map<String, Object>> placed(PlanContent content, PlanContent.Placement placement) {
        return content.sections().stream().filter(s -> s.placement() == placement).map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("heading", s.heading());
            m.put("blocks", s.blocks().stream().map(PlanDocumentWriter::block).toList());
            return m;
        }).toList();
    }

    /** "Bilag 1": one row per success criterion — goal, target group, indicator, criterion, data source. */
    static List<Map<String, Object>> overview(PlanContent content) {
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

    private static Map<String, Object> row(String label, String title, SuccessCriterion c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("goal", label + ": " + title);
        row.put("targetGroup", c.targetGroup() == null ? "" : c.targetGroup());
        row.put("indicator", c.indicator() == null ? "" : c.indicator());
        row.put("criterion", (c.code() == null ? "" : c.code() + ": ") + c.text());
        row.put("dataSource", c.dataSource() == null ? "" : c.dataSource());
        return row;
    }
}
