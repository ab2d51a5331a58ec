package dk.beskplan.approval.web.pages;

import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentReader;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import dk.beskplan.plandocument.TargetWording;
import dk.beskplan.platform.text.DanishFormats;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The amendment rows of the decision form: {@code amendment.N.operation/part/goal/item/text}, and for a success
 * criterion its measure: {@code amendment.N.measure} ("keep" or "change") with the new target
 * ({@code amendment.N.target.kind/comparator/relation/value/betterWhen/region/direction/comparedTo/scope}), deadline,
 * indicator and data source. The target is read by the plan document's own reader, so the committee's target obeys
 * the same rules as an imported one.
 */
final class AmendmentForm {
    /** The target kinds a secretary can choose here (a change from a baseline needs its figures: use the API). */
    static final List<String> KINDS = List.of("SHARE", "COUNT", "NATIONAL_AVERAGE", "REGIONAL_AVERAGE", "TREND", "RANK", "NARRATIVE");
    static final int MAX_ROWS = 50;

    private AmendmentForm() {
    }

    /** What a row shows of a criterion's measure: whether the measure fields belong there, and the criterion's measure now. */
    record MeasureRow(boolean shown, @Nullable String current) {
    }

    /** The amendments the form's rows ask for, in order, and the form row (from 0) each came from. */
    record Rows(List<Amendment> amendments, List<Integer> rows) {
        /**
         * The domain's refusal of the {@code n}th amendment ("Ændring n: ...", counted from 1 over the rows read) as the
         * refusal of the form row it came from, numbered as the page numbers its rows; other refusals as they are.
         */
        ProblemException.FieldError atRow(ProblemException.FieldError error) {
            Matcher numbered = NUMBERED.matcher(error.message());
            if (!error.field().equals("amendments") || !numbered.matches()) {
                return error;
            }
            int n = Integer.parseInt(numbered.group(1));
            if (n < 1 || n > rows.size()) {
                return error;
            }
            int row = rows.get(n - 1);
            return new ProblemException.FieldError(field(row), "Ændring " + (row + 1) + ": " + numbered.group(2));
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("Ændring (\\d+): (.*)", Pattern.DOTALL);

    /** The field a row's refusal is shown at: {@code amendment.N}, N the row from 0. */
    static String field(int row) {
        return "amendment." + row;
    }

    /** Every row with something chosen, in order; a row with nothing chosen is ignored. */
    static List<Amendment> amendments(Map<String, String> form) {
        return read(form).amendments();
    }

    /**
     * Every row with something chosen, in order, with its form row; refused with every row's problem at once, each at
     * its row ({@link #field}), numbered as the page numbers the rows.
     */
    static Rows read(Map<String, String> form) {
        List<Amendment> amendments = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<ProblemException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            try {
                Amendment amendment = row(form, i);
                if (amendment != null) {
                    amendments.add(amendment);
                    rows.add(i);
                }
            } catch (InvalidInput refused) {
                for (ProblemException.FieldError e : refused.errors()) {
                    errors.add(e.field().equals(field(i)) ? e : new ProblemException.FieldError(field(i), "Ændring " + (i + 1) + ": "
                            + (e.field().startsWith("amendment.") ? "" : "nummeret ") + e.message()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Rows(amendments, rows);
    }

    /** Row {@code row}'s amendment, or null when nothing is chosen in it. */
    private static @Nullable Amendment row(Map<String, String> form, int row) {
        String prefix = "amendment." + row + ".";
        String operation = PageForms.text(form, prefix + "operation");
        String text = PageForms.text(form, prefix + "text");
        if (operation == null && text == null) {
            return null;
        }
        if (operation == null) {
            throw refused(row, "vælg, om teksten erstatter, tilføjes eller udgår");
        }
        String part = PageForms.text(form, prefix + "part");
        Integer goal = Forms.number(form, prefix + "goal", "amendments");
        if (part == null || goal == null) {
            throw refused(row, "vælg planens del og målets nummer");
        }
        Amendment.Measure measure = "CRITERION".equals(part) ? measure(form, prefix, row) : null;
        return new Amendment(Amendment.Operation.valueOf(operation), Amendment.Part.valueOf(part), goal,
                Forms.number(form, prefix + "item", "amendments"), text, measure);
    }

    /** Per row, whether its measure fields belong there and the addressed criterion's measure now (for the page). */
    static Map<Integer, MeasureRow> measureRows(@Nullable PlanDocument submitted, Map<String, String> form, List<Integer> rows) {
        Map<Integer, MeasureRow> result = new LinkedHashMap<>();
        for (Integer row : rows) {
            result.put(row, measureRow(submitted, form, row));
        }
        return result;
    }

    /**
     * A fresh row (no part chosen yet) shows the measure fields, so that the form works without scripts; a row about
     * a criterion shows them with the criterion's measure now; a row about another part shows none.
     */
    static MeasureRow measureRow(@Nullable PlanDocument submitted, Map<String, String> form, int row) {
        String prefix = "amendment." + row + ".";
        String part = PageForms.text(form, prefix + "part");
        if (part != null && !part.equals("CRITERION")) {
            return new MeasureRow(false, null);
        }
        SuccessCriterion criterion = criterion(submitted, PageForms.text(form, prefix + "goal"), PageForms.text(form, prefix + "item"));
        return new MeasureRow(true, criterion == null ? null : inWords(criterion));
    }

    /** "Mindst på niveau med landsgennemsnittet (±0,5 procentpoint); frist: 31. december 2026; indikator: …; datakilde: …". */
    static String inWords(SuccessCriterion c) {
        // Several targets are numbered, so the committee can name the one it changes.
        StringBuilder words = new StringBuilder();
        if (c.severalTargets()) {
            for (int t = 0; t < c.targets().size(); t++) {
                words.append(t == 0 ? "" : "; ").append("måltal ").append(t + 1).append(": ").append(TargetWording.describe(c.targets().get(t)));
            }
        } else {
            words.append(TargetWording.describe(c.target()));
        }
        if (c.deadline() != null) {
            words.append("; frist: ").append(c.deadline().words());
        }
        if (c.indicator() != null && !c.indicator().isBlank()) {
            words.append("; indikator: ").append(c.indicator());
        }
        if (c.dataSource() != null && !c.dataSource().isBlank()) {
            words.append("; datakilde: ").append(c.dataSource());
        }
        return words.toString();
    }

    private static @Nullable SuccessCriterion criterion(@Nullable PlanDocument submitted, @Nullable String goal, @Nullable String item) {
        if (submitted == null || goal == null || item == null || !goal.matches("\\d{1,3}") || !item.matches("\\d{1,3}")) {
            return null;
        }
        int g = Integer.parseInt(goal);
        int i = Integer.parseInt(item);
        if (g < 1 || g > submitted.goals().size()) {
            return null;
        }
        Goal chosen = submitted.goals().get(g - 1);
        return i < 1 || i > chosen.successCriteria().size() ? null : chosen.successCriteria().get(i - 1);
    }

    private static @Nullable Amendment.Measure measure(Map<String, String> form, String prefix, int number) {
        if (!"change".equals(PageForms.text(form, prefix + "measure"))) {
            return null;
        }
        String kind = PageForms.text(form, prefix + "target.kind");
        Target target = kind == null ? null : target(form, prefix + "target.", kind, number);
        LocalDate deadline;
        try {
            String written = PageForms.text(form, prefix + "deadline");
            deadline = written == null ? null : LocalDate.parse(written);
        } catch (DateTimeParseException e) {
            throw refused(number, "den nye frist skal være en dato som 2026-12-31");
        }
        String which = PageForms.text(form, prefix + "targetNumber");
        if (which != null && !which.matches("\\d{1,2}")) {
            throw refused(number, "hvilket af kriteriets måltal skal være et nummer som 2");
        }
        Amendment.Measure measure = new Amendment.Measure(target, deadline, PageForms.text(form, prefix + "indicator"),
                PageForms.text(form, prefix + "dataSource"), which == null ? null : Integer.valueOf(which));
        if (measure.isEmpty()) {
            throw refused(number, "udfyld det nye måltal, fristen, indikatoren eller datakilden – eller vælg at beholde dem");
        }
        return measure;
    }

    /** The chosen kind's fields only, as the document writes a target, read by the plan document's reader. */
    private static Target target(Map<String, String> form, String p, String kind, int number) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        fields.put("kind", JsonNode.createStringNode(kind));
        switch (kind) {
            case "SHARE" -> copy(form, p, fields, "comparator", "value", "percent", number);
            case "COUNT" -> copy(form, p, fields, "comparator", "value", "count", number);
            case "NATIONAL_AVERAGE" -> {
                copy(form, p, fields, "relation", "value", "percentagePoints", number);
                text(form, p + "betterWhen", fields, "betterWhen");
            }
            case "REGIONAL_AVERAGE" -> {
                copy(form, p, fields, "relation", "value", "percentagePoints", number);
                text(form, p + "betterWhen", fields, "betterWhen");
                text(form, p + "region", fields, "region");
            }
            case "TREND" -> {
                text(form, p + "direction", fields, "direction");
                text(form, p + "comparedTo", fields, "comparedTo");
            }
            case "RANK" -> copy(form, p, fields, "scope", "value", "topPercent", number);
            default -> { } // NARRATIVE, or a kind the reader refuses by name
        }
        try {
            return PlanDocumentReader.readTarget(JsonNode.createObjectNode(fields));
        } catch (PlanDocumentReader.Invalid invalid) {
            PlanDocumentReader.Problem first = invalid.problems().get(0);
            throw refused(number, "det nye måltals " + label(first.path()) + " " + first.message());
        }
    }

    /** The kind's choice field and its value field, the value written the Danish way ("71,4"). */
    private static void copy(Map<String, String> form, String p, Map<String, JsonNode> fields, String choice, String valueField,
                             String documentField, int number) {
        text(form, p + choice, fields, choice);
        String value = PageForms.text(form, p + valueField);
        if (value != null) {
            try {
                BigDecimal parsed = DanishFormats.parse(value);
                fields.put(documentField, JsonNode.createNumberNode(parsed));
            } catch (DanishFormats.NotANumber e) {
                throw refused(number, "det nye måltals værdi skal være et tal som 71,4");
            }
        }
    }

    private static void text(Map<String, String> form, String name, Map<String, JsonNode> fields, String documentField) {
        String value = PageForms.text(form, name);
        if (value != null) {
            fields.put(documentField, JsonNode.createStringNode(value));
        }
    }

    /** The form's words for a field of the target ("target.percent" is the value field). */
    private static String label(String path) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        return switch (field) {
            case "kind" -> "type";
            case "comparator" -> "\"mindst eller højst\"";
            case "relation" -> "forhold til gennemsnittet";
            case "betterWhen" -> "\"bedst når tallet er\"";
            case "direction" -> "retning";
            case "comparedTo" -> "\"sammenlignet med\"";
            case "scope" -> "rangering";
            case "region" -> "region";
            default -> "værdi";
        };
    }

    /** A refusal of form row {@code row} (from 0), at the row, numbered as the page numbers it. */
    private static InvalidInput refused(int row, String what) {
        return InvalidInput.field(field(row), "Ændring " + (row + 1) + ": " + what);
    }
}
