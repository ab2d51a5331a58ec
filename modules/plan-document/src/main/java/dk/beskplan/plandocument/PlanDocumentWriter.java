package dk.beskplan.plandocument;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a plan as the document of docs/plan-document.md: what export returns, revisions store, messages carry and
 * templates render. {@link #toJson} is the one canonical text of a document (fields in the order below, no spaces),
 * and {@link #hash} the one content hash, so that every module names a version of a plan by the same hash.
 */
public final class PlanDocumentWriter {
    private PlanDocumentWriter() {
    }

    /** The canonical JSON text of the document: what is stored and hashed. */
    public static String toJson(PlanDocument document) {
        return CanonicalJson.write(write(document));
    }

    /** The content hash of the document: SHA-256 of its canonical JSON text (UTF-8), in lower-case hex. */
    public static String hash(PlanDocument document) {
        return CanonicalJson.sha256(toJson(document));
    }

    public static Map<String, Object> write(PlanDocument c) {
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
        if (c.layout().omitOverview()) {
            // Written only when set (as every later addition), so that documents and hashes of plans not using it stay.
            layout.put("omitOverview", true);
        }
        doc.put("layout", layout);
        return doc;
    }

    private static Map<String, Object> foreword(PlanDocument.Foreword f) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (f.heading() != null) {
            m.put("heading", f.heading()); // written only when set
        }
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

    public static Map<String, Object> goal(Goal g) {
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

    public static Map<String, Object> section(PlanDocument.Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heading", s.heading());
        m.put("placement", s.placement().name());
        m.put("blocks", each(s.blocks(), PlanDocumentWriter::block));
        return m;
    }

    public static Map<String, Object> block(PlanDocument.Block b) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (b instanceof PlanDocument.Paragraph p) {
            m.put("type", "paragraph");
            m.put("text", p.text());
        } else if (b instanceof PlanDocument.Heading h) {
            m.put("type", "heading");
            m.put("text", h.text());
        } else if (b instanceof PlanDocument.Bullets l) {
            m.put("type", "bullets");
            if (l.leadIn() != null) {
                m.put("leadIn", l.leadIn()); // written only when set
            }
            m.put("items", l.items());
        } else if (b instanceof PlanDocument.Table t) {
            m.put("type", "table");
            m.put("caption", t.caption());
            m.put("columns", t.columns());
            m.put("rows", t.rows());
        } else if (b instanceof PlanDocument.Figure f) {
            m.put("type", "figure");
            m.put("image", f.image());
            m.put("caption", f.caption());
            m.put("alt", f.alt());
        }
        return m;
    }

    public static Map<String, Object> criterion(SuccessCriterion c) {
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
        m.put("baselines", each(c.baselines(), PlanDocumentWriter::baseline));
        if (c.targets().size() == 1 && c.targets().get(0).plain()) {
            // One target is written as it always was, so that documents (and their hashes) stay as they were.
            m.put("target", target(c.target()));
        } else {
            m.put("targets", each(c.targets(), PlanDocumentWriter::criterionTarget));
        }
        return m;
    }

    /** One of several targets: the target's fields, then its own indicator and deadline where it has them. */
    public static Map<String, Object> criterionTarget(CriterionTarget t) {
        Map<String, Object> m = target(t.target());
        if (t.indicator() != null && !t.indicator().isBlank()) {
            m.put("indicator", t.indicator());
        }
        if (t.deadline() != null) {
            m.put("deadline", date(t.deadline()));
        }
        return m;
    }

    /** The canonical JSON text of a criterion's targets, one or several (what follow-up keeps per criterion). */
    public static String targetsToJson(List<CriterionTarget> targets) {
        return CanonicalJson.write(each(targets, PlanDocumentWriter::criterionTarget));
    }

    /** A status figure as the document writes it. */
    public static Map<String, Object> baseline(SuccessCriterion.Baseline b) {
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("label", b.label());
        bm.put("date", date(b.date()));
        bm.put("value", asWritten(b.value()));
        bm.put("nationalValue", asWritten(b.nationalValue()));
        bm.put("regionalValue", asWritten(b.regionalValue()));
        bm.put("unit", b.unit() == null ? null : b.unit().name());
        bm.put("text", b.text());
        if (b.targetNumber() != null) {
            bm.put("targetNumber", b.targetNumber()); // only where given: existing documents keep their bytes
        }
        return bm;
    }

    /** The canonical JSON text of one target (what follow-up keeps per criterion). */
    public static String toJson(Target target) {
        return CanonicalJson.write(target(target));
    }

    /** The canonical JSON text of a criterion's status figures. */
    public static String toJson(List<SuccessCriterion.Baseline> baselines) {
        return CanonicalJson.write(each(baselines, PlanDocumentWriter::baseline));
    }

    public static Map<String, Object> target(Target t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", t.kind());
        if (t instanceof Target.Share s) {
            m.put("comparator", s.comparator().name());
            m.put("percent", asWritten(s.percent()));
        } else if (t instanceof Target.NationalAverage n) {
            m.put("relation", n.relation().name());
            m.put("percentagePoints", asWritten(n.percentagePoints()));
            m.put("betterWhen", n.betterWhen().name());
        } else if (t instanceof Target.RegionalAverage r) {
            m.put("relation", r.relation().name());
            m.put("percentagePoints", asWritten(r.percentagePoints()));
            m.put("betterWhen", r.betterWhen().name());
            m.put("region", r.region());
            m.put("closerThanLastTime", r.closerThanLastTime());
        } else if (t instanceof Target.Count c) {
            m.put("comparator", c.comparator().name());
            m.put("count", asWritten(c.count()));
        } else if (t instanceof Target.Trend tr) {
            m.put("direction", tr.direction().name());
            m.put("comparedTo", tr.comparedTo().name());
            if (tr.referenceYear() != null) {
                // Written only when set: documents (and their hashes) of trends against the previous period stay as they were.
                m.put("referenceYear", tr.referenceYear());
            }
            if (tr.referenceValue() != null) {
                m.put("referenceValue", asWritten(tr.referenceValue()));
            }
        } else if (t instanceof Target.Rank r) {
            m.put("scope", r.scope().name());
            m.put("topPercent", asWritten(r.topPercent()));
        } else if (t instanceof Target.ChangeFromBaseline ch) {
            m.put("baselineValue", asWritten(ch.baselineValue()));
            m.put("baselineDate", date(ch.baselineDate()));
            m.put("targetValue", asWritten(ch.targetValue()));
            m.put("targetDate", date(ch.targetDate()));
            m.put("betterWhen", ch.betterWhen().name());
        }
        return m;
    }

    /**
     * A number as a plan writes it: 60, not 60.0 (what was imported comes back as it was written). Whole numbers are
     * written as integers, others as Java prints a double, exactly as the JSON library writes the same values.
     */
    private static Object asWritten(Double value) {
        if (value != null && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return value.longValue();
        }
        return value;
    }

    private static String date(PlanDate date) {
        return date == null ? null : date.toString();
    }

    private static <T> List<Map<String, Object>> each(List<T> items, Function<T, Map<String, Object>> f) {
        return items.stream().map(f).toList();
    }
}
