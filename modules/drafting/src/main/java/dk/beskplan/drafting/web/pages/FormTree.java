package dk.beskplan.drafting.web.pages;

import dk.beskplan.drafting.web.pages.BlockText;

import dk.beskplan.platform.text.DanishFormats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor pages name every form field by its path in the plan document ({@code title},
 * {@code objectives[2]}, {@code successCriteria[0].target.percent}), so a posted form turns back into the
 * document shape that {@link dk.beskplan.plandocument.PlanDocumentReader} validates, and the reader's
 * error paths point straight at the fields. Structural edits (add, remove, move up or down) work on that
 * tree, not on the database: nothing is saved until the official presses "Gem".
 */
final class FormTree {
    /** Fields holding free text blocks: edited as text with {@link BlockText}'s markup. */
    static final Set<String> BLOCK_FIELDS = Set.of("introduction", "blocks", "goalsIntroduction", "overviewIntroduction");
    private static final Set<String> NUMBER_FIELDS = Set.of("value", "nationalValue", "regionalValue", "percent",
            "percentagePoints", "count", "topPercent", "baselineValue", "targetValue", "fromYear", "toYear", "referenceYear", "referenceValue",
            "targetNumber");
    private static final Set<String> BOOLEAN_FIELDS = Set.of("closerThanLastTime", "goalsListWithAmbition", "initiativesBeforeCriteria",
            "omitGoalsList", "omitOverview");
    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

    private FormTree() {
    }

    /**
     * The posted fields as a document tree. Fields outside the document ({@code _csrf}, {@code version},
     * {@code action}) are left out; so are list entries left completely blank.
     */
    static Map<String, Object> parse(Map<String, String> form) {
        Node root = new Node();
        form.forEach((name, value) -> {
            if (name.startsWith("_") || name.equals("version") || name.equals("action")) {
                return;
            }
            root.put(name, value);
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) root.build(null);
        return tree;
    }

    /** A deep copy whose maps and lists can be changed (the writer's lists are immutable). */
    @SuppressWarnings("unchecked")
    static <T> T mutableCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), mutableCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(mutableCopy(v)));
            return (T) copy;
        }
        return value;
    }

    /** Adds, removes or moves the list element an action names ("remove:objectives[2]", "add:initiatives"). */
    static boolean apply(Map<String, Object> tree, String action, Object newElement) {
        int colon = action.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String verb = action.substring(0, colon);
        String path = action.substring(colon + 1);
        if (verb.equals("add")) {
            List<Object> list = listAt(tree, path, true);
            if (list == null) {
                return false;
            }
            if ((path.equals("targets") || path.endsWith(".targets")) && list.isEmpty()) {
                // A criterion's one target becomes the first of several ("target" and "targets" are never both).
                Object criterion = path.equals("targets") ? tree : at(tree, path.substring(0, path.length() - ".targets".length()), false);
                if (criterion instanceof Map<?, ?> map && map.get("target") instanceof Map<?, ?> one) {
                    list.add(one);
                    ((Map<?, ?>) map).remove("target");
                }
            }
            list.add(newElement);
            return true;
        }
        int open = path.lastIndexOf('[');
        if (open < 0 || !path.endsWith("]")) {
            return false;
        }
        List<Object> list = listAt(tree, path.substring(0, open), false);
        int index;
        try {
            index = Integer.parseInt(path.substring(open + 1, path.length() - 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (list == null || index < 0 || index >= list.size()) {
            return false;
        }
        switch (verb) {
            case "remove" -> list.remove(index);
            case "up" -> {
                if (index > 0) {
                    list.add(index - 1, list.remove(index));
                }
            }
            case "down" -> {
                if (index < list.size() - 1) {
                    list.add(index + 1, list.remove(index));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listAt(Map<String, Object> tree, String path, boolean create) {
        Object current = at(tree, path, create);
        return current instanceof List<?> ? (List<Object>) current : null;
    }

    /** What the path names in the tree, or null; with {@code create}, a missing last list is made. */
    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> tree, String path, boolean create) {
        Object current = tree;
        String[] steps = path.split("\\.");
        for (int s = 0; s < steps.length; s++) {
            Matcher m = STEP.matcher(steps[s]);
            if (!m.matches() || !(current instanceof Map<?, ?>)) {
                return null;
            }
            Map<String, Object> map = (Map<String, Object>) current;
            Object next = map.get(m.group(1));
            if (next == null && create) {
                next = new ArrayList<>();
                map.put(m.group(1), next);
            }
            if (m.group(2) != null) {
                if (!(next instanceof List<?> l) || Integer.parseInt(m.group(2)) >= l.size()) {
                    return null;
                }
                next = l.get(Integer.parseInt(m.group(2)));
            }
            current = next;
        }
        return current;
    }

    /** One step of the tree while fields are collected: a value, an object or a list (by index). */
    private static final class Node {
        private String value;
        private final Map<String, Node> fields = new LinkedHashMap<>();
        private final TreeMap<Integer, Node> items = new TreeMap<>();

        void put(String path, String value) {
            Node node = this;
            for (String step : path.split("\\.")) {
                Matcher m = STEP.matcher(step);
                if (!m.matches()) {
                    return; // not a document field
                }
                node = node.fields.computeIfAbsent(m.group(1), k -> new Node());
                if (m.group(2) != null) {
                    node = node.items.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new Node());
                }
            }
            node.value = value;
        }

        Object build(String name) {
            if (!items.isEmpty()) {
                List<Object> list = new ArrayList<>();
                for (Node item : items.values()) {
                    Object built = item.build(null);
                    if (!isBlank(built)) {
                        list.add(built);
                    }
                }
                return list;
            }
            if (!fields.isEmpty()) {
                Map<String, Object> map = new LinkedHashMap<>();
                fields.forEach((k, v) -> map.put(k, v.build(k)));
                return map;
            }
            return scalar(name, value);
        }

        private static boolean isBlank(Object built) {
            if (built == null) {
                return true;
            }
            if (built instanceof Map<?, ?> map) {
                return map.values().stream().allMatch(Node::isBlank);
            }
            return built instanceof List<?> list && list.isEmpty();
        }
    }

    private static Object scalar(String name, String value) {
        if (name != null && BLOCK_FIELDS.contains(name)) {
            return BlockText.fromText(value);
        }
        if (value == null || value.isBlank()) {
            return name != null && BOOLEAN_FIELDS.contains(name) ? Boolean.FALSE : null;
        }
        String v = value.strip();
        if (name != null && NUMBER_FIELDS.contains(name)) {
            try {
                // Whole numbers stay whole (years); Danish decimals: "12,5" is 12.5, "1.234,5" is 1234.5.
                return v.matches("-?\\d{1,15}") ? (Object) Long.valueOf(v) : (Object) DanishFormats.parseDouble(v);
            } catch (NumberFormatException e) {
                return v; // the reader names the field: "skal være et tal"
            }
        }
        if (name != null && BOOLEAN_FIELDS.contains(name)) {
            return v.equals("true") || v.equals("on");
        }
        return v;
    }
}
