package dk.beskplan.plandocument;

import java.util.List;

/**
 * Everything a plan says, as the municipality published it (docs/plan-document.md). Immutable: every
 * save makes a new revision holding a new instance. Texts are verbatim; structure sits beside them.
 */
public record PlanDocument(String municipality, String municipalityName, int fromYear, int toYear, String title,
                          String committeeName, Foreword foreword, List<Block> introduction, Ambition ambition,
                          List<SuccessCriterion> overallSuccessCriteria, List<Block> goalsIntroduction,
                          List<Goal> goals, List<Section> sections, List<Block> overviewIntroduction, Layout layout) {

    public PlanDocument {
        introduction = List.copyOf(introduction);
        overviewIntroduction = List.copyOf(overviewIntroduction);
        layout = layout == null ? Layout.STANDARD : layout;
        overallSuccessCriteria = List.copyOf(overallSuccessCriteria);
        goalsIntroduction = List.copyOf(goalsIntroduction);
        goals = List.copyOf(goals);
        sections = List.copyOf(sections);
    }

    /** This plan with other goals (a committee's amendments). */
    public PlanDocument withGoals(List<Goal> newGoals) {
        return new PlanDocument(municipality, municipalityName, fromYear, toYear, title, committeeName, foreword, introduction,
                ambition, overallSuccessCriteria, goalsIntroduction, newGoals, sections, overviewIntroduction, layout);
    }

    /** The number of success criteria in the plan: the overall ones and every goal's. */
    public int criteriaCount() {
        return overallSuccessCriteria.size() + goals.stream().mapToInt(g -> g.successCriteria().size()).sum();
    }

    /**
     * The foreword, signed by the committee chair or mayor; {@code heading} as printed ("Borgmesterens forord"), null:
     * "Forord".
     */
    public record Foreword(String heading, List<Block> blocks, Signature signature) {
        public static final String STANDARD_HEADING = "Forord";

        public Foreword {
            blocks = List.copyOf(blocks);
        }

        /** The heading the document prints. */
        public String shownHeading() {
            return heading == null || heading.isBlank() ? STANDARD_HEADING : heading;
        }
    }

    /** Who signed, as printed: "Søren Stavnskær", "Formand for …", "V", "December 2022". */
    public record Signature(String name, String role, String party, String date) {
    }

    /**
     * How the municipality lays out its own document, where plans differ and the difference matters to
     * readers who know last year's plan: Holbæk 2023 shows the ambition and the list of goals together in
     * a box ("Boks 1") and prints a goal's initiatives before its success criteria; Holbæk 2025 does not.
     * Frederikssund lists its goals in a chapter of its own (so no generated list) and names the overview
     * appendix itself ({@code overviewHeading}; null: "Bilag N: Mål, succeskriterier og opfølgning"). A plan that
     * prints no such appendix leaves it out ({@code omitOverview}).
     */
    public record Layout(boolean goalsListWithAmbition, boolean initiativesBeforeCriteria, boolean omitGoalsList,
                         String overviewHeading, boolean omitOverview) {
        public static final Layout STANDARD = new Layout(false, false, false, null, false);
    }

    /** The overall ambition: a heading as printed (null: the standard one), an introduction and the statements. */
    public record Ambition(String heading, List<Block> introduction, List<String> statements) {
        public Ambition {
            introduction = List.copyOf(introduction);
            statements = List.copyOf(statements);
        }
    }

    /** A chapter or appendix of free text (or, inside a goal, further text belonging to it). */
    public record Section(String heading, Placement placement, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** Where a plan-level section stands in the document. */
    public enum Placement { BEFORE_GOALS, AFTER_GOALS, APPENDIX }

    /** A titled paragraph under a goal: "Ledetråde: …". */
    public record Initiative(String title, List<Block> blocks) {
        public Initiative {
            blocks = List.copyOf(blocks);
        }
    }

    /** A unit of structured free text. */
    public sealed interface Block permits Paragraph, Heading, Bullets, Table, Figure {
        /** All the words of the block, for search and comparison. */
        String plainText();
    }

    public record Paragraph(String text) implements Block {
        public String plainText() {
            return text;
        }
    }

    public record Heading(String text) implements Block {
        public String plainText() {
            return text;
        }
    }

    /**
     * A bulleted list; {@code leadIn} (or null) is the sentence the plan prints before the list and that belongs to it
     * ("Det betyder, at vi vil:"), not a bullet of its own.
     */
    public record Bullets(String leadIn, List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }

        public Bullets(List<String> items) {
            this(null, items);
        }

        public String plainText() {
            return (leadIn == null ? "" : leadIn + "\n") + String.join("\n", items);
        }
    }

    public record Table(String caption, List<String> columns, List<List<String>> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }

        public String plainText() {
            StringBuilder text = new StringBuilder(caption == null ? "" : caption + "\n");
            text.append(String.join(" | ", columns));
            rows.forEach(r -> text.append('\n').append(String.join(" | ", r)));
            return text.toString();
        }
    }

    /**
     * An image the plan prints (a chart, a model), with its caption as printed (or null) and the text alternative a
     * reader who cannot see it gets ({@code alt}, required). {@code image} is a {@code data:} URI of a PNG or JPEG
     * image, at most {@link PlanDocumentReader#MAX_FIGURE_BYTES} bytes.
     */
    public record Figure(String image, String caption, String alt) implements Block {
        public String plainText() {
            return caption == null ? alt : caption + "\n" + alt;
        }
    }
}
