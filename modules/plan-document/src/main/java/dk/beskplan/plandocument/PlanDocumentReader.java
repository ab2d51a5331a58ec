package dk.beskplan.plandocument;

import io.micronaut.json.tree.JsonNode;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads a plan document (docs/plan-document.md) and validates it as a whole: every problem is collected
 * with its path ({@code goals[2].successCriteria[0].target.percent}) before anything is refused, so a
 * municipality importing its plan sees all that must be fixed at once.
 * <p>
 * Longer than our usual classes on purpose: it is the one reader of the whole format, and each field's rule sits next
 * to the field it reads, in the document's order, so the format can be checked against docs/plan-document.md top to
 * bottom. Splitting it per part would scatter the path bookkeeping that makes its errors exact.
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

    private final List<Problem> errors = new ArrayList<>();
    /** Bytes of the figures' images read so far (limited per plan, {@link FigureImage#MAX_BYTES_PER_PLAN}). */
    private long figureBytes;
    /** Every object read, in reading order, with the fields asked for (identity: equal objects are still two places). */
    private final Map<JsonNode, Read> objects = new IdentityHashMap<>();
    private final List<JsonNode> objectOrder = new ArrayList<>();

    /** What is wrong at a place in the document: the path ({@code goals[0].title}, "body" for the whole) and the Danish text. */
    public record Problem(String path, String message) {
    }

    /** The document cannot be read: every problem found, each with its path. */
    public static final class Invalid extends RuntimeException {
        private final List<Problem> problems;

        public Invalid(List<Problem> problems) {
            super(problems.isEmpty() ? "invalid plan document" : problems.get(0).path() + ": " + problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Reads the document or throws {@link Invalid} listing every problem. */
    public static PlanDocument read(JsonNode root) {
        PlanDocumentReader reader = new PlanDocumentReader();
        PlanDocument content = reader.plan(root);
        reader.reportUnknownFields();
        if (!reader.errors.isEmpty()) {
            throw new Invalid(reader.errors);
        }
        return content;
    }

    /** Reads one success criterion's target object alone (what follow-up stores per task). */
    public static Target readTarget(JsonNode node) {
        PlanDocumentReader reader = new PlanDocumentReader();
        Target target = reader.object(node, "target", reader::target);
        reader.reportUnknownFields();
        if (!reader.errors.isEmpty()) {
            throw new Invalid(reader.errors);
        }
        return target;
    }

    private PlanDocument plan(JsonNode root) {
        if (root == null || !root.isObject()) {
            error("", "skal være et JSON-objekt");
            return null;
        }
        noteObject(root, "");
        Integer version = integer(root, "schemaVersion", "", true);
        if (version != null && version != 1) {
            error("schemaVersion", "kun version 1 understøttes");
        }
        String municipality = text(root, "municipality", "", true, 10);
        String municipalityName = text(root, "municipalityName", "", false, MAX_SHORT);
        Integer from = integer(root, "fromYear", "", true);
        Integer to = integer(root, "toYear", "", true);
        if (from != null && to != null) {
            Period.problems(from, to).forEach(p -> error(p[0], p[1]));
        }
        String title = text(root, "title", "", true, MAX_SHORT);
        // Optional: some plans name no committee (a blank name is none).
        String committee = blankAsNull(text(root, "committeeName", "", false, MAX_SHORT));
        PlanDocument.Foreword foreword = optionalObject(root, "foreword", "", this::foreword);
        List<PlanDocument.Block> introduction = list(root, "introduction", "", false, this::block);
        PlanDocument.Ambition ambition = optionalObject(root, "ambition", "", this::ambition);
        List<SuccessCriterion> overall = list(root, "overallSuccessCriteria", "", false, this::criterion);
        List<PlanDocument.Block> goalsIntro = list(root, "goalsIntroduction", "", false, this::block);
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
        List<PlanDocument.Section> sections = list(root, "sections", "", false, this::section);
        List<PlanDocument.Block> overviewIntro = list(root, "overviewIntroduction", "", false, this::block);
        PlanDocument.Layout layout = optionalObject(root, "layout", "", (n, p) -> new PlanDocument.Layout(
                bool(n, "goalsListWithAmbition", p), bool(n, "initiativesBeforeCriteria", p), bool(n, "omitGoalsList", p),
                text(n, "overviewHeading", p, false, MAX_SHORT), bool(n, "omitOverview", p)));
        if (figureBytes > FigureImage.MAX_BYTES_PER_PLAN) {
            error("", "planens figurer fylder " + figureBytes + " byte; højst " + FigureImage.MAX_BYTES_PER_PLAN + " i alt");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new PlanDocument(municipality, municipalityName, from, to, title, committee, foreword, introduction,
                ambition == null ? new PlanDocument.Ambition(null, List.of(), List.of()) : ambition, overall, goalsIntro, goals,
                sections, overviewIntro, layout);
    }

    private PlanDocument.Foreword foreword(JsonNode node, String path) {
        String heading = text(node, "heading", path, false, MAX_SHORT);
        List<PlanDocument.Block> blocks = list(node, "blocks", path, true, this::block);
        PlanDocument.Signature signature = optionalObject(node, "signature", path, (n, p) -> new PlanDocument.Signature(
                text(n, "name", p, true, MAX_SHORT), text(n, "role", p, false, MAX_SHORT),
                text(n, "party", p, false, 50), text(n, "date", p, false, 100)));
        return new PlanDocument.Foreword(heading, blocks, signature);
    }

    private PlanDocument.Ambition ambition(JsonNode node, String path) {
        return new PlanDocument.Ambition(text(node, "heading", path, false, MAX_SHORT),
                list(node, "introduction", path, false, this::block),
                list(node, "statements", path, false, (n, p) -> string(n, p, MAX_TEXT)));
    }

    private Goal goal(JsonNode node, String path) {
        // Through object() like every other object, so that its unknown fields are reported (a goal once escaped).
        return object(node, path, this::goalFields);
    }

    private Goal goalFields(JsonNode node, String path) {
        Goal.Kind kind = enumeration(node, "kind", path, true, Goal.Kind.class);
        String nationalGoal = text(node, "nationalGoal", path, false, 20);
        if (kind == Goal.Kind.NATIONAL && nationalGoal != null && !NationalGoals.CATALOGUE.containsKey(nationalGoal)) {
            error(join(path, "nationalGoal"), "ukendt ministermål; gyldige: " + String.join(", ", NationalGoals.CATALOGUE.keySet()));
        }
        // The label is optional: plans that do not number their goals head them by the title alone.
        return new Goal(kind, nationalGoal, blankAsNull(text(node, "label", path, false, MAX_SHORT)),
                text(node, "title", path, true, MAX_TEXT),
                list(node, "introduction", path, false, this::block), text(node, "objectivesHeading", path, false, MAX_SHORT),
                list(node, "objectives", path, false, (n, p) -> string(n, p, MAX_TEXT)),
                text(node, "initiativesHeading", path, false, MAX_SHORT),
                list(node, "initiatives", path, false, (n, p) -> object(n, p, (o, q) -> new PlanDocument.Initiative(
                        text(o, "title", q, false, MAX_SHORT), list(o, "blocks", q, true, this::block)))),
                text(node, "successCriteriaHeading", path, false, MAX_SHORT),
                list(node, "successCriteria", path, false, this::criterion),
                list(node, "sections", path, false, this::section));
    }

    private PlanDocument.Section section(JsonNode node, String path) {
        return object(node, path, (n, p) -> {
            PlanDocument.Placement placement = enumeration(n, "placement", p, false, PlanDocument.Placement.class);
            return new PlanDocument.Section(text(n, "heading", p, true, MAX_SHORT),
                    placement == null ? PlanDocument.Placement.AFTER_GOALS : placement, list(n, "blocks", p, true, this::block));
        });
    }

    private PlanDocument.Block block(JsonNode node, String path) {
        return object(node, path, (n, p) -> {
            String type = text(n, "type", p, true, 20);
            if (type == null) {
                return null;
            }
            return switch (type) {
                case "paragraph" -> new PlanDocument.Paragraph(text(n, "text", p, true, MAX_TEXT));
                case "heading" -> new PlanDocument.Heading(text(n, "text", p, true, MAX_SHORT));
                case "bullets" -> new PlanDocument.Bullets(text(n, "leadIn", p, false, MAX_TEXT),
                        list(n, "items", p, true, (i, q) -> string(i, q, MAX_TEXT)));
                case "table" -> new PlanDocument.Table(text(n, "caption", p, false, MAX_SHORT),
                        list(n, "columns", p, true, (i, q) -> string(i, q, MAX_SHORT)),
                        list(n, "rows", p, true, (r, q) -> array(r, q, (c, s) -> string(c, s, MAX_TEXT))));
                case "figure" -> figure(n, p);
                default -> {
                    error(join(p, "type"), "skal være paragraph, heading, bullets, table eller figure");
                    yield null;
                }
            };
        });
    }

    private PlanDocument.Figure figure(JsonNode n, String p) {
        String image = text(n, "image", p, true, FigureImage.MAX_URI);
        String caption = text(n, "caption", p, false, MAX_SHORT);
        String alt = text(n, "alt", p, true, MAX_SHORT); // one line, as a text alternative is
        if (image != null && !image.isBlank()) {
            String problem = FigureImage.problem(image);
            if (problem != null) {
                error(join(p, "image"), problem);
            } else {
                figureBytes += FigureImage.bytes(image).length;
            }
        }
        return new PlanDocument.Figure(image, caption, alt);
    }

    private SuccessCriterion criterion(JsonNode node, String path) {
        return object(node, path, (n, p) -> {
            SuccessCriterion read = new SuccessCriterion(text(n, "code", p, false, 20), text(n, "text", p, true, MAX_TEXT),
                    text(n, "targetGroup", p, false, MAX_TEXT), text(n, "indicator", p, false, MAX_TEXT),
                    text(n, "dataSource", p, false, MAX_SHORT), text(n, "updateFrequency", p, false, MAX_SHORT),
                    date(n, "deadline", p, false), list(n, "baselines", p, false, this::baseline),
                    targets(n, p), bool(n, "continuesAfterDeadline", p));
            checkTargetNumbers(read.baselines(), read.targets().size(), p);
            return read;
        });
    }

    /** A status figure's {@code targetNumber} names one of the criterion's targets (1 to their number). */
    private void checkTargetNumbers(List<SuccessCriterion.Baseline> baselines, int targetCount, String p) {
        for (int i = 0; i < baselines.size(); i++) {
            Integer number = baselines.get(i) == null ? null : baselines.get(i).targetNumber();
            if (number != null && targetCount > 0 && (number < 1 || number > targetCount)) {
                error(join(p, "baselines[" + i + "].targetNumber"), targetCount == 1 ? "skal være 1 (kriteriet har ét måltal)"
                        : "skal være et af kriteriets måltal, 1 til " + targetCount);
            }
        }
    }

    /**
     * A criterion's targets: one as {@code target} (the shape every plan had before several targets), or several as
     * {@code targets}, each of which may name its own {@code indicator} and {@code deadline}. Never both.
     */
    private List<CriterionTarget> targets(JsonNode n, String p) {
        JsonNode single = given(n, "target", p, false);
        JsonNode several = given(n, "targets", p, false);
        if (single != null && several != null) {
            error(join(p, "targets"), "angiv enten target (ét måltal) eller targets (flere måltal), ikke begge");
            return List.of();
        }
        if (several == null) {
            Target target = requiredObject(n, "target", p, this::target);
            return target == null ? List.of() : List.of(CriterionTarget.of(target));
        }
        List<CriterionTarget> targets = list(n, "targets", p, true, (o, q) -> object(o, q, (t, r) ->
                new CriterionTarget(target(t, r), text(t, "indicator", r, false, MAX_TEXT), date(t, "deadline", r, false))));
        if (several.isArray() && several.size() == 0) {
            error(join(p, "targets"), "skal have mindst ét måltal");
        } else if (targets.size() > SuccessCriterion.MAX_TARGETS) {
            error(join(p, "targets"), "højst " + SuccessCriterion.MAX_TARGETS + " måltal pr. succeskriterium");
        }
        return targets;
    }

    /** Reads a criterion's list of targets alone, as {@link PlanDocumentWriter#targetsToJson} writes it (what follow-up stores). */
    public static List<CriterionTarget> readTargets(JsonNode node) {
        PlanDocumentReader reader = new PlanDocumentReader();
        List<CriterionTarget> targets = reader.array(node, "targets", (o, q) -> reader.object(o, q, (t, r) ->
                new CriterionTarget(reader.target(t, r), reader.text(t, "indicator", r, false, MAX_TEXT), reader.date(t, "deadline", r, false))));
        reader.reportUnknownFields();
        if (!reader.errors.isEmpty()) {
            throw new Invalid(reader.errors);
        }
        return targets;
    }

    private SuccessCriterion.Baseline baseline(JsonNode node, String path) {
        return object(node, path, (n, p) -> new SuccessCriterion.Baseline(text(n, "label", p, false, MAX_SHORT),
                date(n, "date", p, false), number(n, "value", p, false), number(n, "nationalValue", p, false),
                number(n, "regionalValue", p, false), enumeration(n, "unit", p, false, SuccessCriterion.Unit.class),
                text(n, "text", p, false, MAX_TEXT), integer(n, "targetNumber", p, false)));
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
            case "TREND" -> trend(n, p);
            case "RANK" -> new Target.Rank(enumeration(n, "scope", p, true, Target.Rank.Scope.class), percent(n, "topPercent", p));
            case "CHANGE_FROM_BASELINE" -> {
                Double base = number(n, "baselineValue", p, true);
                Double target = number(n, "targetValue", p, true);
                PlanDate baseDate = date(n, "baselineDate", p, false);
                PlanDate targetDate = date(n, "targetDate", p, false);
                if (baseDate != null && targetDate != null && targetDate.compareTo(baseDate) <= 0) {
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

    private Target.Trend trend(JsonNode n, String p) {
        Target.Trend.ComparedTo comparedTo = enumeration(n, "comparedTo", p, true, Target.Trend.ComparedTo.class);
        Double year = number(n, "referenceYear", p, false);
        Double value = number(n, "referenceValue", p, false);
        Integer referenceYear = null;
        if (comparedTo == Target.Trend.ComparedTo.FIXED_YEAR) {
            if (year == null) {
                error(join(p, "referenceYear"), "skal udfyldes, når comparedTo er FIXED_YEAR (året, der sammenlignes med, fx 2023)");
            } else if (year != Math.rint(year) || year < 2000 || year > 2100) {
                error(join(p, "referenceYear"), "skal være et årstal mellem 2000 og 2100");
            } else {
                referenceYear = year.intValue();
            }
        } else if (year != null || value != null) {
            error(join(p, year != null ? "referenceYear" : "referenceValue"), "bruges kun, når comparedTo er FIXED_YEAR");
        }
        return new Target.Trend(enumeration(n, "direction", p, true, Target.Trend.Direction.class), comparedTo, referenceYear,
                comparedTo == Target.Trend.ComparedTo.FIXED_YEAR ? value : null);
    }

    /** Reads a list of status figures alone (what follow-up stores per criterion). */
    public static List<SuccessCriterion.Baseline> readBaselines(JsonNode node) {
        PlanDocumentReader reader = new PlanDocumentReader();
        List<SuccessCriterion.Baseline> baselines = reader.array(node, "baselines", reader::baseline);
        reader.reportUnknownFields();
        if (!reader.errors.isEmpty()) {
            throw new Invalid(reader.errors);
        }
        return baselines;
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
        if (node.isObject()) {
            // A figure's image is not text: it has limits of its own (FigureImage).
            JsonNode type = node.get("type");
            boolean figure = type != null && type.isString() && "figure".equals(type.getStringValue());
            for (Map.Entry<String, JsonNode> entry : node.entries()) {
                if (!(figure && "image".equals(entry.getKey()))) {
                    sum += characters(entry.getValue());
                }
            }
            return sum;
        }
        for (JsonNode child : node.values()) {
            sum += characters(child);
        }
        return sum;
    }

    // ---- primitives: each records an error with its path and returns null when the value is unusable ----

    /** The field's value; null where it is absent or null, which is an error where it is required. */
    private JsonNode given(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = field(parent, field);
        if (node == null || node.isNull()) {
            if (required) {
                error(join(path, field), "skal udfyldes");
            }
            return null;
        }
        return node;
    }

    private String text(JsonNode parent, String field, String path, boolean required, int max) {
        JsonNode node = given(parent, field, path, required);
        if (node == null) {
            return null;
        }
        String p = join(path, field);
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
        } else if (max <= MAX_SHORT && !SingleLine.isSingleLine(value)) {
            error(path, SingleLine.NOT_SINGLE_LINE); // headings, labels, names and titles are one line
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
        JsonNode node = given(parent, field, path, required);
        if (node == null) {
            return null;
        }
        String p = join(path, field);
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
        JsonNode node = given(parent, field, path, false);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            error(join(path, field), "skal være true eller false");
            return false;
        }
        return node.getBooleanValue();
    }

    /** A day ({@code 2025-12-31}) or a month ({@code 2023-12}), as the plan prints it. */
    private PlanDate date(JsonNode parent, String field, String path, boolean required) {
        String value = text(parent, field, path, required, 10);
        if (value == null) {
            return null;
        }
        try {
            return PlanDate.parse(value);
        } catch (DateTimeParseException e) {
            error(join(path, field), "skal være en dato som 2025-12-31 eller en måned som 2025-12");
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
        JsonNode node = given(parent, field, path, required);
        return node == null ? List.of() : array(node, join(path, field), item);
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
        noteObject(node, path);
        return reader.apply(node, path);
    }

    private void noteObject(JsonNode node, String path) {
        if (objects.putIfAbsent(node, new Read(path, new HashSet<>())) == null) {
            objectOrder.add(node);
        }
    }

    /** A field of an object, noted as read: what no reader asked for is reported as unknown afterwards. */
    private JsonNode field(JsonNode parent, String field) {
        Read read = objects.get(parent);
        if (read != null) {
            read.fields().add(field);
        }
        return parent.get(field);
    }

    /**
     * Import is strict: a field the format does not know is an error naming its path, never silently dropped (a
     * second target sent as an extra field was once lost that way). Only objects that were read are checked, so an
     * object refused as a whole does not list its fields as unknown too.
     */
    private void reportUnknownFields() {
        for (JsonNode node : objectOrder) {
            Read read = objects.get(node);
            for (Map.Entry<String, JsonNode> entry : node.entries()) {
                // An unknown field holding null carries nothing that could be lost (forms post empty fields so).
                if (!read.fields().contains(entry.getKey()) && !entry.getValue().isNull()) {
                    error(join(read.path(), entry.getKey()), "ukendt felt; se docs/plan-document.md for formatets felter");
                }
            }
        }
    }

    /** An object of the document and the fields read from it. */
    private record Read(String path, Set<String> fields) {
    }

    private <T> T optionalObject(JsonNode parent, String field, String path, BiFunction<JsonNode, String, T> reader) {
        return object(parent, field, path, false, reader);
    }

    private <T> T requiredObject(JsonNode parent, String field, String path, BiFunction<JsonNode, String, T> reader) {
        return object(parent, field, path, true, reader);
    }

    private <T> T object(JsonNode parent, String field, String path, boolean required, BiFunction<JsonNode, String, T> reader) {
        JsonNode node = given(parent, field, path, required);
        return node == null ? null : object(node, join(path, field), reader);
    }

    private void error(String path, String message) {
        if (errors.size() < 200) {
            errors.add(new Problem(path.isEmpty() ? "body" : path, message));
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
