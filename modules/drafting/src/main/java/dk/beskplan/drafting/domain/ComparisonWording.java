package dk.beskplan.drafting.domain;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import dk.beskplan.plandocument.TargetWording;
import dk.beskplan.plandocument.Period;
import dk.beskplan.plandocument.PlanDocument.Ambition;
import dk.beskplan.plandocument.PlanDocument.Block;
import dk.beskplan.plandocument.PlanDocument.Foreword;
import dk.beskplan.plandocument.PlanDocument.Initiative;
import dk.beskplan.plandocument.PlanDocument.Placement;
import dk.beskplan.plandocument.PlanDocument.Section;
import dk.beskplan.plandocument.PlanDocument.Signature;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How the parts of a plan read in a comparison, in Danish: where a change is ("Beskæftigelsesmål 2: Flere
 * ledige skal opkvalificeres · Målsætning 1") and the before/after texts of structured values (targets,
 * dates, baselines, placements). Exists apart from {@link PlanComparison} so that walking the plan reads as
 * a list of what is compared, and the wording can be checked and changed in one place.
 */
final class ComparisonWording {
    /** How much of a goal title the "where" of a change shows. */
    static final int SHORT_TITLE = 60;

    private static final String SEP = " · ";

    private ComparisonWording() {
    }

    /** A target in the words of a plan, inside a sentence: "mindst 75 %", "mindst 5 procentpoint over landsgennemsnittet". */
    static String describe(Target target) {
        return target == null ? "ingen målværdi" : TargetWording.inSentence(target);
    }

    /**
     * A criterion's targets inside a sentence: its one target as {@link #describe(Target)}, several one after the other
     * with what each measures and its own deadline: "mindst 120 (personer i jobrotation); mindst 40 (borgere i fleksjob)".
     */
    static String describe(java.util.List<dk.beskplan.plandocument.CriterionTarget> targets) {
        if (targets.size() == 1 && targets.get(0).plain()) {
            return describe(targets.get(0).target());
        }
        String words = TargetWording.describe(targets);
        return Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    /** A number the Danish way, as the plan wrote it: 75, 12,5. */
    private static String number(double value) {
        return TargetWording.number(value);
    }

    /** As the plan prints it: "31. december 2025" or "december 2023". */
    static String date(PlanDate date) {
        return date == null ? null : date.words();
    }

    static String baselines(List<SuccessCriterion.Baseline> baselines) {
        return baselines.stream().map(ComparisonWording::baseline).collect(Collectors.joining("\n"));
    }

    private static String baseline(SuccessCriterion.Baseline b) {
        String unit = b.unit() == SuccessCriterion.Unit.PERCENT ? " %" : "";
        StringBuilder text = new StringBuilder(b.label() == null ? "Status" : b.label());
        if (b.targetNumber() != null) {
            text.append(" (måltal ").append(b.targetNumber()).append(')');
        }
        text.append(':');
        if (b.value() != null) {
            text.append(' ').append(number(b.value())).append(unit);
        }
        if (b.nationalValue() != null) {
            text.append(" (landet ").append(number(b.nationalValue())).append(unit).append(')');
        }
        if (b.regionalValue() != null) {
            text.append(" (regionen ").append(number(b.regionalValue())).append(unit).append(')');
        }
        if (b.text() != null && !b.text().isBlank()) {
            text.append(' ').append(b.text());
        }
        return text.toString();
    }

    static String goalWhere(Goal g) {
        String title = shorten(g.title(), SHORT_TITLE);
        return g.label() == null || g.label().isBlank() ? title : g.label() + ": " + title;
    }

    static String goalText(Goal g) {
        return g.label() == null || g.label().isBlank() ? g.title() : g.label() + ": " + g.title();
    }

    static String objectiveWhere(String goalWhere, int position) {
        return goalWhere + SEP + "Målsætning " + position;
    }

    static String criterionWhere(String prefix, SuccessCriterion c, int position) {
        return prefix + SEP + "Succeskriterium " + (c.code() == null || c.code().isBlank() ? position : c.code());
    }

    static String initiativeWhere(String goalWhere, Initiative i, int position) {
        return goalWhere + SEP + (i.title() == null || i.title().isBlank()
                ? "Indsats " + position
                : "Indsats «" + shorten(i.title(), SHORT_TITLE) + "»");
    }

    static String initiativeText(Initiative i) {
        String text = blocks(i.blocks());
        return i.title() == null || i.title().isBlank() ? text : i.title() + ": " + text;
    }

    static String sectionWhere(String goalWhere, Section s) {
        String section = "Afsnit «" + shorten(s.heading(), SHORT_TITLE) + "»";
        return goalWhere == null ? section : goalWhere + SEP + section;
    }

    static String sectionText(Section s) {
        String text = blocks(s.blocks());
        return text.isEmpty() ? s.heading() : s.heading() + "\n\n" + text;
    }

    /** Cuts at a word boundary and marks the cut with an ellipsis. */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max);
        return t.substring(0, cut > max / 2 ? cut : max).strip() + "…";
    }

    /** A block list as one text, blocks separated by a blank line. */
    static String blocks(List<Block> blocks) {
        return blocks.stream().map(Block::plainText).filter(Objects::nonNull).collect(Collectors.joining("\n\n"));
    }

    static String ambitionHeading(Ambition a) {
        // Null means the standard heading (docs/plan-document.md); show it as printed.
        return a.heading() == null || a.heading().isBlank() ? "Den overordnede ambition" : a.heading();
    }

    static String overviewHeading(PlanDocument p) {
        // Null means the generated heading, whose appendix number depends on the other appendices.
        String heading = p.layout().overviewHeading();
        return heading == null || heading.isBlank() ? "Bilag: Mål, succeskriterier og opfølgning (standardoverskrift)" : heading;
    }

    static String period(PlanDocument p) {
        return new Period(p.fromYear(), p.toYear()).label();
    }

    static String signature(Foreword f) {
        Signature s = f == null ? null : f.signature();
        if (s == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(Objects.toString(s.name(), ""));
        if (s.role() != null && !s.role().isBlank()) {
            text.append(", ").append(s.role());
        }
        if (s.party() != null && !s.party().isBlank()) {
            text.append(" (").append(s.party()).append(')');
        }
        if (s.date() != null && !s.date().isBlank()) {
            text.append(", ").append(s.date());
        }
        return text.toString();
    }

    static String kind(Goal.Kind kind) {
        return kind == null ? null : kind == Goal.Kind.NATIONAL ? "Nationalt mål" : "Lokalt mål";
    }

    static String placement(Placement placement) {
        if (placement == null) {
            return null;
        }
        return switch (placement) {
            case BEFORE_GOALS -> "før målene";
            case AFTER_GOALS -> "efter målene";
            case APPENDIX -> "bilag";
        };
    }

    static String yesNo(boolean value) {
        return value ? "ja" : "nej";
    }

}
