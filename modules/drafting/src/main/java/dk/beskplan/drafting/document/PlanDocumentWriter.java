package dk.beskplan.drafting.document;

import dk.beskplan.drafting.domain.Goal;
import dk.beskplan.drafting.domain.PlanContent;
import dk.beskplan.drafting.domain.SuccessCriterion;
import dk.beskplan.drafting.domain.Target;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes a plan as the document of docs/plan-document.md: what export returns and revisions store. */
public final class PlanDocumentWriter {
    private PlanDocumentWriter() {
    }

    public static Map<String, Object> write(PlanContent c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", 1);
        doc.put("municipality", c.municipality());
        doc.put("municipalityName", c.municipalityName());
        doc.put("fromYear", c.fromYear());
        doc.put("toYear", c.toYear());
        doc.put("title", c.title());
        doc.put("committeeName", c.committeeName());
        doc.put("foreword", c.foreword() == null ? null : foreword(c.foreword()));
        doc.put("introduction", each(c.introduction(), PlanDocumentWriter::block));
        Map<String, Object> ambition = new LinkedHashMap<>();
        ambition.put("heading", c.ambition().heading());
        ambition.put("introduction", each(c.ambition().introduction(), PlanDocumentWriter::block));
        ambition.put("statements", c.ambition().statements());
        doc.put("ambition", ambition);
        doc.put("overallSuccessCriteria", each(c.overallSuccessCriteria(), PlanDocumentWriter::criterion));
        doc.put("goalsIntroduction", each(c.goalsIntroduction(), PlanDocumentWriter::block));
        doc.put("goals", each(c.goals(), PlanDocumentWriter::goal));
        doc.put("sections", each(c.sections(), PlanDocumentWriter::section));
        doc.put("overviewIntroduction", each(c.overviewIntroduction(), PlanDocumentWriter::block));
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("goalsListWithAmbition", c.layout().goalsListWithAmbition());
        layout.put("initiativesBeforeCriteria", c.layout().initiativesBeforeCriteria());
        layout.put("omitGoalsList", c.layout().omitGoalsList());
        layout.put("overviewHeading", c.layout().overviewHeading());
        doc.put("layout", layout);
        return doc;
    }

    private static Map<String, Object> foreword(PlanContent.Foreword f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blocks", each(f.blocks(), PlanDocumentWriter::block));
        if (f.signature() == null) {
            m.put("signature", null);
        } else {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", f.signature().name());
            s.put("role", f.signature().role());
            s.put("party", f.signature().party());
            s.put("date", f.signature().date());
            m.put("signature", s);
        }
        return m;
    }

    private static Map<String, Object> goal(Goal g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", g.kind().name());
        m.put("nationalGoal", g.nationalGoal());
        m.put("label", g.label());
        m.put("title", g.title());
        m.put("introduction", each(g.introduction(), PlanDocumentWriter::block));
        m.put("objectivesHeading", g.objectivesHeading());
        m.put("objectives", g.objectives());
        m.put("initiativesHeading", g.initiativesHeading());
        m.put("initiatives", each(g.initiatives(), i -> {
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("title", i.title());
            im.put("blocks", each(i.blocks(), PlanDocumentWriter::block));
            return im;
        }));
        m.put("successCriteriaHeading", g.successCriteriaHeading());
        m.put("successCriteria", each(g.successCriteria(), PlanDocumentWriter::criterion));
        m.put("sections", each(g.sections(), PlanDocumentWriter::section));
        return m;
    }

    private static Map<String, Object> section(PlanContent.Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heading", s.heading());
        m.put("placement", s.placement().name());
        m.put("blocks", each(s.blocks(), PlanDocumentWriter::block));
        return m;
    }

    static Map<String, Object> block(PlanContent.Block b) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (b instanceof PlanContent.Paragraph p) {
            m.put("type", "paragraph");
            m.put("text", p.text());
        } else if (b instanceof PlanContent.Heading h) {
            m.put("type", "heading");
            m.put("text", h.text());
        } else if (b instanceof PlanContent.Bullets l) {
            m.put("type", "bullets");
            m.put("items", l.items());
        } else if (b instanceof PlanContent.Table t) {
            m.put("type", "table");
            m.put("caption", t.caption());
            m.put("columns", t.columns());
            m.put("rows", t.rows());
        }
        return m;
    }

    static Map<String, Object> criterion(SuccessCriterion c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("text", c.text());
        m.put("targetGroup", c.targetGroup());
        m.put("indicator", c.indicator());
        m.put("dataSource", c.dataSource());
        m.put("updateFrequency", c.updateFrequency());
        m.put("deadline", date(c.deadline()));
        if (c.continuesAfterDeadline()) {
            // Written only when set, so that documents (and their hashes) of plans that do not use it stay as they were.
            m.put("continuesAfterDeadline", true);
        }
        m.put("baselines", each(c.baselines(), b -> {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("label", b.label());
            bm.put("date", date(b.date()));
            bm.put("value", b.value());
            bm.put("nationalValue", b.nationalValue());
            bm.put("regionalValue", b.regionalValue());
            bm.put("unit", b.unit() == null ? null : b.unit().name());
            bm.put("text", b.text());
            return bm;
        }));
        m.put("target", target(c.target()));
        return m;
    }

    static Map<String, Object> target(Target t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", t.kind());
        if (t instanceof Target.Share s) {
            m.put("comparator", s.comparator().name());
            m.put("percent", s.percent());
        } else if (t instanceof Target.NationalAverage n) {
            m.put("relation", n.relation().name());
            m.put("percentagePoints", n.percentagePoints());
            m.put("betterWhen", n.betterWhen().name());
        } else if (t instanceof Target.RegionalAverage r) {
            m.put("relation", r.relation().name());
            m.put("percentagePoints", r.percentagePoints());
            m.put("betterWhen", r.betterWhen().name());
            m.put("region", r.region());
            m.put("closerThanLastTime", r.closerThanLastTime());
        } else if (t instanceof Target.Count c) {
            m.put("comparator", c.comparator().name());
            m.put("count", c.count());
        } else if (t instanceof Target.Trend tr) {
            m.put("direction", tr.direction().name());
            m.put("comparedTo", tr.comparedTo().name());
        } else if (t instanceof Target.Rank r) {
            m.put("scope", r.scope().name());
            m.put("topPercent", r.topPercent());
        } else if (t instanceof Target.ChangeFromBaseline ch) {
            m.put("baselineValue", ch.baselineValue());
            m.put("baselineDate", date(ch.baselineDate()));
            m.put("targetValue", ch.targetValue());
            m.put("targetDate", date(ch.targetDate()));
            m.put("betterWhen", ch.betterWhen().name());
        }
        return m;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static <T> List<Map<String, Object>> each(List<T> items, Function<T, Map<String, Object>> f) {
        return items.stream().map(f).toList();
    }
}
