package dk.beskplan.drafting.domain;

import java.util.List;

/**
 * Everything a plan says, as the municipality published it (docs/plan-document.md). Immutable: every
 * save makes a new revision holding a new instance. Texts are verbatim; structure sits beside them.
 */
public record PlanContent(String municipality, String municipalityName, int fromYear, int toYear, String title,
                          String committeeName, Foreword foreword, List<Block> introduction, Ambition ambition,
                          List<SuccessCriterion> overallSuccessCriteria, List<Block> goalsIntroduction,
                          List<Goal> goals, List<Section> sections, List<Block> overviewIntroduction, Layout layout) {

    public PlanContent {
        introduction = List.copyOf(introduction);
        overviewIntroduction = List.copyOf(overviewIntroduction);
        layout = layout == null ? Layout.STANDARD : layout;
        overallSuccessCriteria = List.copyOf(overallSuccessCriteria);
        goalsIntroduction = List.copyOf(goalsIntroduction);
        goals = List.copyOf(goals);
        sections = List.copyOf(sections);
    }

    /** The foreword, signed by the committee chair or mayor. */
    public record Foreword(List<Block> blocks, Signature signature) {
        public Foreword {
            blocks = List.copyOf(blocks);
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
     * appendix itself ({@code overviewHeading}; null: "Bilag N: Mål, succeskriterier og opfølgning").
     */
    public record Layout(boolean goalsListWithAmbition, boolean initiativesBeforeCriteria, boolean omitGoalsList,
                         String overviewHeading) {
        public static final Layout STANDARD = new Layout(false, false, false, null);
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
    public sealed interface Block permits Paragraph, Heading, Bullets, Table {
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

    public record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }

        public String plainText() {
            return String.join("\n", items);
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
}
