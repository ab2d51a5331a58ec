package dk.beskplan.drafting.document;

import dk.beskplan.drafting.domain.Goal;
import dk.beskplan.drafting.domain.PlanContent;
import dk.beskplan.drafting.domain.SuccessCriterion;
import dk.beskplan.drafting.domain.Target;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException.FieldError;
import dk.beskplan.platform.web.TextRules;
import io.micronaut.json.tree.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads a plan document (docs/plan-document.md) and validates it as a whole: every problem is collected
 * with its path ({@code goals[2].successCriteria[0].target.percent}) before anything is refused, so a
 * municipality importing its plan sees all that must be fixed at once.
 */
public final class PlanDocumentReader {
    /*
     * Limits (docs/security.md, "Limits"): far above real plans, so that no plan can make a comparison, a PDF or a
     * status report take minutes or gigabytes. The three reference plans have at most 7 goals, 20 success criteria,
     * 43 initiatives, a longest text of 978 characters and about 75,000 characters in all.
     */
    /** Characters in one text (a paragraph, a criterion, a table cell). */
    public static final int MAX_TEXT = 20_000;
    /** Characters in a heading, label or name. */
    public static final int MAX_SHORT = 500;
    /** Entries in any one list (blocks of a text, initiatives of a goal, rows of a table). */
    public static final int MAX_ITEMS = 500;
    /** Goals in a plan. */
    public static final int MAX_GOALS = 40;
    /** Success criteria in a plan: the overall ones and every goal's together (each becomes a follow-up task). */
    public static final int MAX_CRITERIA = 200;
    /** Characters of text in the whole plan, every field together. */
    public static final int MAX_CHARACTERS = 600_000;

    private final List<FieldError> errors = new ArrayList<>();

    /** Reads the document or throws {@link InvalidInput} listing every error. */
    public static PlanContent read(JsonNode root) {
        PlanDocumentReader reader = new PlanDocumentReader();
        PlanContent content = reader.plan(root);
        if (!reader.errors.isEmpty()) {
            throw new InvalidInput(reader.errors);
        }
        return content;
    }

    private PlanContent plan(JsonNode root) {
        if (root == null || !root.isObject()) {
            error("", "skal være et JSON-objekt");
            return null;
        }
        Integer version = integer(root, "schemaVersion", "", true);
        if (version != null && version != 1) {
            error("schemaVersion", "kun version 1 understøttes");
        }
        String municipality = text(root, "municipality", "", true, 10);
        String municipalityName = text(root, "municipalityName", "", false, MAX_SHORT);
        Integer from = integer(root, "fromYear", "", true);
        Integer to = integer(root, "toYear", "", true);
        if (from != null && to != null) {
            dk.beskplan.drafting.domain.Period.problems(from, to).forEach(p -> error(p[0], p[1]));
        }
        String title = text(root, "title", "", true, MAX_SHORT);
        String committee = text(root, "committeeName", "", true, MAX_SHORT);
        PlanContent.Foreword foreword = optionalObject(root, "foreword", "", this::foreword);
        List<PlanContent.Block> introduction = list(root, "introduction", "", false, this::block);
        PlanContent.Ambition ambition = optionalObject(root, "ambition", "", this::ambition);
        List<SuccessCriterion> overall = list(root, "overallSuccessCriteria", "", false, this::criterion);
        List<PlanContent.Block> goalsIntro = list(root, "goalsIntroduction", "", false, this::block);
        List<Goal> goals = list(root, "goals", "", true, this::goal);
        if (goals != null && goals.size() > MAX_GOALS) {
            error("goals", "højst " + MAX_GOALS + " mål i en plan; dokumentet har " + goals.size());
        }
        int criteria = (overall == null ? 0 : overall.size()) + (goals == null ? 0 : goals.stream()
                .mapToInt(g -> g == null || g.successCriteria() == null ? 0 : g.successCriteria().size()).sum());
        if (criteria > MAX_CRITERIA) {
            error("successCriteria", "højst " + MAX_CRITERIA + " succeskriterier i en plan (alle mål og de overordnede"
                    + " tilsammen); dokumentet har " + criteria);
        }
        long characters = characters(root);
        if (characters > MAX_CHARACTERS) {
            error("", "planen har " + characters + " tegn tekst; højst " + MAX_CHARACTERS + " i alt");
        }
        List<PlanContent.Section> sections = list(root, "sections", "", false, this::section);
        List<PlanContent.Block> overviewIntro = list(root, "overviewIntroduction", "", false, this::block);
        PlanContent.Layout layout = optionalObject(root, "layout", "", (n, p) -> new PlanContent.Layout(
                bool(n, "goalsListWithAmbition", p), bool(n, "initiativesBeforeCriteria", p), bool(n, "omitGoalsList", p),
                text(n, "overviewHeading", p, false, MAX_SHORT)));
        if (!errors.isEmpty()) {
            return null;
        }
        return new PlanContent(municipality, municipalityName, from, to, title, committee, foreword, introduction,
                ambition == null ? new PlanContent.Ambition(null, List.of(), List.of()) : ambition, overall, goalsIntro, goals,
                sections, overviewIntro, layout);
    }

    private PlanContent.Foreword foreword(JsonNode node, String path) {
        List<PlanContent.Block> blocks = list(node, "blocks", path, true, this::block);
        PlanContent.Signature signature = optionalObject(node, "signature", path, (n, p) -> new PlanContent.Signature(
                text(n, "name", p, true, MAX_SHORT), text(n, "role", p, false, MAX_SHORT),
                text(n, "party", p, false, 50), text(n, "date", p, false, 100)));
        return new PlanContent.Foreword(blocks, signature);
    }

    private PlanContent.Ambition ambition(JsonNode node, String path) {
        return new PlanContent.Ambition(text(node, "heading", path, false, MAX_SHORT),
                list(node, "introduction", path, false, this::block),
                list(node, "statements", path, false, (n, p) -> string(n, p, MAX_TEXT)));
    }

    private Goal goal(JsonNode node, String path) {
        Goal.Kind kind = enumeration(node, "kind", path, true, Goal.Kind.class);
        String nationalGoal = text(node, "nationalGoal", path, false, 20);
        if (kind == Goal.Kind.NATIONAL && nationalGoal != null && !NationalGoals.CATALOGUE.containsKey(nationalGoal)) {
            error(join(path, "nationalGoal"), "ukendt ministermål; gyldige: " + String.join(", ", NationalGoals.CATALOGUE.keySet()));
        }
        return new Goal(kind, nationalGoal, text(node, "label", path, true, MAX_SHORT), text(node, "title", path, true, MAX_TEXT),
                list(node, "introduction", path, false, this::block), text(node, "objectivesHeading", path, false, MAX_SHORT),
                list(node, "objectives", path, false, (n, p) -> string(n, p, MAX_TEXT)),
                text(node, "initiativesHeading", path, false, MAX_SHORT),
                list(node, "initiatives", path, false, (n, p) -> object(n, p, (o, q) -> new PlanContent.Initiative(
                        text(o, "title", q, false, MAX_SHORT), list(o, "blocks", q, true, this::block)))),
                text(node, "successCriteriaHeading", path, false, MAX_SHORT),
                list(node, "successCriteria", path, false, this::criterion),
                list(node, "sections", path, false, this::section));
    }

    private PlanContent.Section section(JsonNode node, String path) {
        return object(node, path, (n, p) -> {
            PlanContent.Placement placement = enumeration(n, "placement", p, false, PlanContent.Placement.class);
            return new PlanContent.Section(text(n, "heading", p, true, MAX_SHORT),
                    placement == null ? PlanContent.Placement.AFTER_GOALS : placement, list(n, "blocks", p, true, this::block));
        });
    }

    private PlanContent.Block block(JsonNode node, String path) {
        return object(node, path, (n, p) -> {
            String type = text(n, "type", p, true, 20);
            if (type == null) {
                return null;
            }
            return switch (type) {
                case "paragraph" -> new PlanContent.Paragraph(text(n, "text", p, true, MAX_TEXT));
                case "heading" -> new PlanContent.Heading(text(n, "text", p, true, MAX_SHORT));
                case "bullets" -> new PlanContent.Bullets(list(n, "items", p, true, (i, q) -> string(i, q, MAX_TEXT)));
                case "table" -> new PlanContent.Table(text(n, "caption", p, false, MAX_SHORT),
                        list(n, "columns", p, true, (i, q) -> string(i, q, MAX_SHORT)),
                        list(n, "rows", p, true, (r, q) -> array(r, q, (c, s) -> string(c, s, MAX_TEXT))));
                default -> {
                    error(join(p, "type"), "skal være paragraph, heading, bullets eller table");
                    yield null;
                }
            };
        });
    }

    private SuccessCriterion criterion(JsonNode node, String path) {
        return object(node, path, (n, p) -> new SuccessCriterion(text(n, "code", p, false, 20), text(n, "text", p, true, MAX_TEXT),
                text(n, "targetGroup", p, false, MAX_TEXT), text(n, "indicator", p, false, MAX_TEXT),
                text(n, "dataSource", p, false, MAX_SHORT), text(n, "updateFrequency", p, false, MAX_SHORT),
                date(n, "deadline", p, false), list(n, "baselines", p, false, this::baseline),
                requiredObject(n, "target", p, this::target), bool(n, "continuesAfterDeadline", p)));
    }

    private SuccessCriterion.Baseline baseline(JsonNode node, String path) {
        return object(node, path, (n, p) -> new SuccessCriterion.Baseline(text(n, "label", p, false, MAX_SHORT),
                date(n, "date", p, false), number(n, "value", p, false), number(n, "nationalValue", p, false),
                number(n, "regionalValue", p, false), enumeration(n, "unit", p, false, SuccessCriterion.Unit.class),
                text(n, "text", p, false, MAX_TEXT)));
    }

    private Target target(JsonNode n, String p) {
        String kind = text(n, "kind", p, true, 40);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "SHARE" -> new Target.Share(enumeration(n, "comparator", p, true, Target.Comparator.class),
                    percent(n, "percent", p));
            case "NATIONAL_AVERAGE" -> new Target.NationalAverage(enumeration(n, "relation", p, true, Target.Relation.class),
                    nonNegative(n, "percentagePoints", p), enumeration(n, "betterWhen", p, true, Target.BetterWhen.class));
            case "REGIONAL_AVERAGE" -> new Target.RegionalAverage(enumeration(n, "relation", p, true, Target.Relation.class),
                    nonNegative(n, "percentagePoints", p), enumeration(n, "betterWhen", p, true, Target.BetterWhen.class),
                    text(n, "region", p, false, MAX_SHORT), bool(n, "closerThanLastTime", p));
            case "COUNT" -> new Target.Count(enumeration(n, "comparator", p, true, Target.Comparator.class), nonNegative(n, "count", p));
            case "TREND" -> new Target.Trend(enumeration(n, "direction", p, true, Target.Trend.Direction.class),
                    enumeration(n, "comparedTo", p, true, Target.Trend.ComparedTo.class));
            case "RANK" -> new Target.Rank(enumeration(n, "scope", p, true, Target.Rank.Scope.class), percent(n, "topPercent", p));
            case "CHANGE_FROM_BASELINE" -> {
                Double base = number(n, "baselineValue", p, true);
                Double target = number(n, "targetValue", p, true);
                LocalDate baseDate = date(n, "baselineDate", p, false);
                LocalDate targetDate = date(n, "targetDate", p, false);
                if (baseDate != null && targetDate != null && !targetDate.isAfter(baseDate)) {
                    error(join(p, "targetDate"), "skal ligge efter baselineDate");
                }
                yield new Target.ChangeFromBaseline(base == null ? 0 : base, baseDate, target == null ? 0 : target, targetDate,
                        enumeration(n, "betterWhen", p, true, Target.BetterWhen.class));
            }
            case "NARRATIVE" -> new Target.Narrative();
            default -> {
                error(join(p, "kind"), "ukendt måltype; gyldige: SHARE, NATIONAL_AVERAGE, REGIONAL_AVERAGE, COUNT, TREND, RANK,"
                        + " CHANGE_FROM_BASELINE, NARRATIVE");
                yield null;
            }
        };
    }

    /** The characters of every text in the document, keys not counted. */
    private static long characters(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isString()) {
            return node.getStringValue().length();
        }
        if (!node.isContainerNode()) {
            return 0; // numbers, booleans, null
        }
        long sum = 0;
        for (JsonNode child : node.values()) {
            sum += characters(child);
        }
        return sum;
    }

    // ---- primitives: each records an error with its path and returns null when the value is unusable ----

    private String text(JsonNode parent, String field, String path, boolean required, int max) {
        JsonNode node = parent.get(field);
        String p = join(path, field);
        if (node == null || node.isNull()) {
            if (required) {
                error(p, "skal udfyldes");
            }
            return null;
        }
        String value = string(node, p, max);
        if (value != null && required && value.isBlank()) {
            error(p, "skal udfyldes");
        }
        return value;
    }

    private String string(JsonNode node, String path, int max) {
        if (!node.isString()) {
            error(path, "skal være tekst");
            return null;
        }
        String value = node.getStringValue();
        if (value.length() > max) {
            error(path, "højst " + max + " tegn");
        } else if (max <= MAX_SHORT && !TextRules.isSingleLine(value)) {
            error(path, TextRules.NOT_SINGLE_LINE); // headings, labels, names and titles are one line
        }
        return value;
    }

    private Integer integer(JsonNode parent, String field, String path, boolean required) {
        Double value = number(parent, field, path, required);
        if (value != null && value != Math.rint(value)) {
            error(join(path, field), "skal være et heltal");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    private Double number(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent.get(field);
        String p = join(path, field);
        if (node == null || node.isNull()) {
            if (required) {
                error(p, "skal udfyldes");
            }
            return null;
        }
        if (!node.isNumber()) {
            error(p, "skal være et tal");
            return null;
        }
        double value = node.getNumberValue().doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            error(p, "skal være et tal");
            return null;
        }
        return value;
    }

    private double percent(JsonNode parent, String field, String path) {
        Double value = number(parent, field, path, true);
        if (value != null && (value < 0 || value > 100)) {
            error(join(path, field), "skal være mellem 0 og 100");
        }
        return value == null ? 0 : value;
    }

    private double nonNegative(JsonNode parent, String field, String path) {
        Double value = number(parent, field, path, false);
        if (value != null && value < 0) {
            error(join(path, field), "kan ikke være negativ");
        }
        return value == null ? 0 : value;
    }

    private boolean bool(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            error(join(path, field), "skal være true eller false");
            return false;
        }
        return node.getBooleanValue();
    }

    private LocalDate date(JsonNode parent, String field, String path, boolean required) {
        String value = text(parent, field, path, required, 10);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(join(path, field), "skal være en dato som 2025-12-31");
            return null;
        }
    }

    private <E extends Enum<E>> E enumeration(JsonNode parent, String field, String path, boolean required, Class<E> type) {
        String value = text(parent, field, path, required, 40);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            error(join(path, field), "skal være en af " + String.join(", ", allowed));
            return null;
        }
    }

    private <T> List<T> list(JsonNode parent, String field, String path, boolean required, BiFunction<JsonNode, String, T> item) {
        JsonNode node = parent.get(field);
        String p = join(path, field);
        if (node == null || node.isNull()) {
            if (required) {
                error(p, "skal udfyldes");
            }
            return List.of();
        }
        return array(node, p, item);
    }

    private <T> List<T> array(JsonNode node, String path, BiFunction<JsonNode, String, T> item) {
        if (!node.isArray()) {
            error(path, "skal være en liste");
            return List.of();
        }
        if (node.size() > MAX_ITEMS) {
            error(path, "højst " + MAX_ITEMS + " elementer");
            return List.of();
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            T value = item.apply(node.get(i), path + "[" + i + "]");
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private <T> T object(JsonNode node, String path, BiFunction<JsonNode, String, T> reader) {
        if (node == null || !node.isObject()) {
            error(path, "skal være et objekt");
            return null;
        }
        return reader.apply(node, path);
    }

    private <T> T optionalObject(JsonNode parent, String field, String path, BiFunction<JsonNode, String, T> reader) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return object(node, join(path, field), reader);
    }

    private <T> T requiredObject(JsonNode parent, String field, String path, BiFunction<JsonNode, String, T> reader) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            error(join(path, field), "skal udfyldes");
            return null;
        }
        return object(node, join(path, field), reader);
    }

    private void error(String path, String message) {
        if (errors.size() < 200) {
            errors.add(new FieldError(path.isEmpty() ? "body" : path, message));
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
