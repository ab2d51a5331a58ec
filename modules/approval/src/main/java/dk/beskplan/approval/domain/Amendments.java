package dk.beskplan.approval.domain;

import dk.beskplan.platform.domain.Result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Produces the approved text exactly: the plan document the committee was given (docs/plan-document.md, as JSON
 * maps and lists) with the committee's amendments applied. Every address refers to the numbering of the text the
 * committee was given, so "remove objective 1, replace objective 2" means the two objectives it read, whatever order
 * they are applied in. The input is never changed; a refusal names the amendment and what is wrong.
 */
public final class Amendments {
    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)\\s*$");
    private static final Pattern TITLED = Pattern.compile("^([^.:]{1,60}):\\s*(.+)$", Pattern.DOTALL);

    private Amendments() {
    }

    public static Result<Map<String, Object>> apply(Map<String, Object> submitted, List<Amendment> amendments) {
        if (amendments == null || amendments.isEmpty()) {
            return Result.rejected("Der er ingen ændringer");
        }
        List<Map<String, Object>> goals = maps(submitted.get("goals"));
        Set<String> touched = new HashSet<>();
        Set<Integer> removedGoals = new HashSet<>();
        Set<Integer> amendedGoals = new HashSet<>();
        int remainingGoals = goals.size();
        for (int n = 0; n < amendments.size(); n++) {
            Amendment a = amendments.get(n);
            String prefix = "Ændring " + (n + 1) + ": ";
            if (a == null || a.operation() == null || a.part() == null) {
                return Result.rejected(prefix + "angiv hvad der ændres og hvilken del af planen");
            }
            boolean needsText = a.operation() != Amendment.Operation.REMOVE;
            if (needsText && (a.text() == null || a.text().isBlank())) {
                return Result.rejected(prefix + "skriv den nye tekst");
            }
            boolean goalItself = a.part() == Amendment.Part.GOAL;
            if (!(goalItself && a.operation() == Amendment.Operation.ADD)) {
                if (a.goal() < 1 || a.goal() > goals.size()) {
                    return Result.rejected(prefix + "den indsendte plan har ikke mål " + a.goal() + " (den har " + goals.size() + " mål)");
                }
            }
            if (goalItself) {
                if (a.item() != null) {
                    return Result.rejected(prefix + "et mål ændres uden nummer under målet");
                }
                if (a.operation() == Amendment.Operation.ADD) {
                    continue;
                }
                if (!touched.add("goal:" + a.goal())) {
                    return Result.rejected(prefix + "mål " + a.goal() + " ændres to gange");
                }
                if (a.operation() == Amendment.Operation.REMOVE) {
                    removedGoals.add(a.goal());
                    if (--remainingGoals < 1) {
                        return Result.rejected(prefix + "planen skal have mindst ét mål");
                    }
                }
                continue;
            }
            amendedGoals.add(a.goal());
            if (a.operation() == Amendment.Operation.ADD) {
                if (a.item() != null) {
                    return Result.rejected(prefix + "en tilføjelse kommer sidst under målet; angiv ikke et nummer");
                }
                continue;
            }
            if (a.item() == null) {
                return Result.rejected(prefix + "angiv nummeret på " + noun(a.part()) + " under mål " + a.goal());
            }
            int count = maps(goals.get(a.goal() - 1)).size();
            List<?> list = list(goals.get(a.goal() - 1).get(field(a.part())));
            count = list.size();
            if (a.item() < 1 || a.item() > count) {
                return Result.rejected(prefix + "mål " + a.goal() + " har ikke " + noun(a.part()) + " " + a.item()
                        + " (det har " + count + ")");
            }
            if (!touched.add(a.part() + ":" + a.goal() + ":" + a.item())) {
                return Result.rejected(prefix + "mål " + a.goal() + ", " + noun(a.part()) + " " + a.item() + " ændres to gange");
            }
        }
        for (Integer goal : amendedGoals) {
            if (removedGoals.contains(goal)) {
                return Result.rejected("Mål " + goal + " udgår og kan ikke samtidig ændres");
            }
        }

        // Apply against copies, addressing the submitted numbering: replace first, then remove (highest first), then add.
        Map<String, Object> document = deepCopy(submitted);
        List<Object> newGoals = new ArrayList<>(list(document.get("goals")));
        List<Map<String, Object>> originalGoals = new ArrayList<>();
        for (Object g : newGoals) {
            originalGoals.add(castMap(g));
        }
        for (Amendment a : amendments) {
            if (a.operation() != Amendment.Operation.REPLACE) {
                continue;
            }
            Map<String, Object> goal = originalGoals.get(a.goal() - 1);
            switch (a.part()) {
                case GOAL -> goal.put("title", a.text().strip());
                case OBJECTIVE -> listOf(goal, "objectives").set(a.item() - 1, a.text().strip());
                case INITIATIVE -> listOf(goal, "initiatives").set(a.item() - 1, initiative(a.text()));
                case CRITERION -> castMap(listOf(goal, "successCriteria").get(a.item() - 1)).put("text", a.text().strip());
            }
        }
        Map<Map<String, Object>, Map<String, List<Integer>>> removals = new LinkedHashMap<>();
        for (Amendment a : amendments) {
            if (a.operation() == Amendment.Operation.REMOVE && a.part() != Amendment.Part.GOAL) {
                removals.computeIfAbsent(originalGoals.get(a.goal() - 1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(field(a.part()), k -> new ArrayList<>()).add(a.item());
            }
        }
        removals.forEach((goal, byField) -> byField.forEach((name, positions) -> {
            List<Object> items = listOf(goal, name);
            positions.stream().sorted((x, y) -> y - x).forEach(p -> items.remove(p - 1));
        }));
        for (Amendment a : amendments) {
            if (a.operation() == Amendment.Operation.ADD && a.part() != Amendment.Part.GOAL) {
                Map<String, Object> goal = originalGoals.get(a.goal() - 1);
                switch (a.part()) {
                    case OBJECTIVE -> listOf(goal, "objectives").add(a.text().strip());
                    case INITIATIVE -> listOf(goal, "initiatives").add(initiative(a.text()));
                    case CRITERION -> listOf(goal, "successCriteria").add(criterion(a.text()));
                    case GOAL -> { }
                }
            }
        }
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < originalGoals.size(); i++) {
            if (!removedGoals.contains(i + 1)) {
                kept.add(originalGoals.get(i));
            }
        }
        for (Amendment a : amendments) {
            if (a.operation() == Amendment.Operation.ADD && a.part() == Amendment.Part.GOAL) {
                String lastLabel = kept.isEmpty() ? null : (String) castMap(kept.get(kept.size() - 1)).get("label");
                kept.add(goal(a.text().strip(), nextLabel(lastLabel, kept.size() + 1)));
            }
        }
        document.put("goals", kept);
        return Result.accepted(document);
    }

    /** The amendment as a protocol words it, naming the part by the plan's own label. Call after {@link #apply} accepted it. */
    public static String describe(Map<String, Object> submitted, Amendment a) {
        List<Map<String, Object>> goals = maps(submitted.get("goals"));
        if (a.part() == Amendment.Part.GOAL && a.operation() == Amendment.Operation.ADD) {
            String last = goals.isEmpty() ? null : (String) goals.get(goals.size() - 1).get("label");
            return "Nyt mål tilføjes (" + nextLabel(last, goals.size() + 1) + "): »" + a.text().strip() + "«";
        }
        Map<String, Object> goal = goals.get(a.goal() - 1);
        String goalName = text(goal.get("label")).isBlank() ? "Mål " + a.goal() : text(goal.get("label"));
        String named = goalName + " (" + text(goal.get("title")) + ")";
        if (a.part() == Amendment.Part.GOAL) {
            return switch (a.operation()) {
                case REPLACE -> named + " får titlen: »" + a.text().strip() + "«";
                case REMOVE -> named + " udgår";
                case ADD -> throw new IllegalStateException();
            };
        }
        if (a.operation() == Amendment.Operation.ADD) {
            return named + ": der tilføjes " + (a.part() == Amendment.Part.OBJECTIVE ? "en " : "et ") + singular(a.part())
                    + ": »" + a.text().strip() + "«";
        }
        Object old = list(goal.get(field(a.part()))).get(a.item() - 1);
        String which = singular(a.part()) + " " + itemName(a, old);
        return switch (a.operation()) {
            case REPLACE -> named + ", " + which + " ændres til: »" + a.text().strip() + "«";
            case REMOVE -> named + ", " + which + " udgår: »" + oldText(a.part(), old) + "«";
            case ADD -> throw new IllegalStateException();
        };
    }

    private static String itemName(Amendment a, Object old) {
        if (a.part() == Amendment.Part.CRITERION && old instanceof Map<?, ?> c && c.get("code") instanceof String code
                && !code.isBlank()) {
            return code;
        }
        return String.valueOf(a.item());
    }

    private static String oldText(Amendment.Part part, Object old) {
        return switch (part) {
            case OBJECTIVE -> text(old);
            case CRITERION -> old instanceof Map<?, ?> c ? text(c.get("text")) : text(old);
            case INITIATIVE -> old instanceof Map<?, ?> i ? (i.get("title") != null ? text(i.get("title")) + ": " : "")
                    + firstParagraph(i) : text(old);
            case GOAL -> "";
        };
    }

    private static String firstParagraph(Map<?, ?> initiative) {
        for (Object b : list(initiative.get("blocks"))) {
            if (b instanceof Map<?, ?> block && block.get("text") instanceof String t) {
                return t;
            }
        }
        return "";
    }

    private static Map<String, Object> initiative(String text) {
        Matcher m = TITLED.matcher(text.strip());
        Map<String, Object> initiative = new LinkedHashMap<>();
        String body = text.strip();
        if (m.matches()) {
            initiative.put("title", m.group(1).strip());
            body = m.group(2).strip();
        } else {
            initiative.put("title", null);
        }
        Map<String, Object> paragraph = new LinkedHashMap<>();
        paragraph.put("type", "paragraph");
        paragraph.put("text", body);
        initiative.put("blocks", new ArrayList<>(List.of(paragraph)));
        return initiative;
    }

    private static Map<String, Object> criterion(String text) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", null);
        c.put("text", text.strip());
        c.put("targetGroup", null);
        c.put("indicator", null);
        c.put("dataSource", null);
        c.put("updateFrequency", null);
        c.put("deadline", null);
        c.put("baselines", new ArrayList<>());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", "NARRATIVE");
        c.put("target", target);
        return c;
    }

    private static Map<String, Object> goal(String title, String label) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("kind", "LOCAL");
        g.put("nationalGoal", null);
        g.put("label", label);
        g.put("title", title);
        g.put("introduction", new ArrayList<>());
        g.put("objectivesHeading", null);
        g.put("objectives", new ArrayList<>());
        g.put("initiativesHeading", null);
        g.put("initiatives", new ArrayList<>());
        g.put("successCriteriaHeading", null);
        g.put("successCriteria", new ArrayList<>());
        g.put("sections", new ArrayList<>());
        return g;
    }

    /** "Beskæftigelsesmål 5" → "Beskæftigelsesmål 6"; without a number, "Mål N". */
    static String nextLabel(String last, int position) {
        if (last != null) {
            Matcher m = TRAILING_NUMBER.matcher(last);
            if (m.matches()) {
                return m.group(1) + (Integer.parseInt(m.group(2)) + 1);
            }
        }
        return "Mål " + position;
    }

    private static String field(Amendment.Part part) {
        return switch (part) {
            case OBJECTIVE -> "objectives";
            case INITIATIVE -> "initiatives";
            case CRITERION -> "successCriteria";
            case GOAL -> "goals";
        };
    }

    private static String noun(Amendment.Part part) {
        return singular(part);
    }

    private static String singular(Amendment.Part part) {
        return switch (part) {
            case GOAL -> "mål";
            case OBJECTIVE -> "målsætning";
            case INITIATIVE -> "indsats";
            case CRITERION -> "succeskriterium";
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Map<String, Object> goal, String name) {
        Object value = goal.get(name);
        if (!(value instanceof List<?>)) {
            value = new ArrayList<>();
            goal.put(name, value);
        }
        return (List<Object>) value;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object o : list(value)) {
            if (o instanceof Map<?, ?>) {
                maps.add(castMap(o));
            }
        }
        return maps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    /** A deep, mutable copy of JSON-like maps and lists. */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
