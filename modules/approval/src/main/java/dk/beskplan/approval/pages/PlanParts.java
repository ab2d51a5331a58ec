package dk.beskplan.approval.pages;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The numbered parts of the plan text the committee was given, shown beside the amendment rows so that the
 * secretary can name "goal 2, objective 1" without counting.
 */
record PlanParts(int number, String label, String title, List<String> objectives, List<String> initiatives,
                 List<String> criteria) {

    static List<PlanParts> of(@Nullable Map<String, Object> document) {
        if (document == null || !(document.get("goals") instanceof List<?> goals)) {
            return List.of();
        }
        List<PlanParts> parts = new ArrayList<>();
        int n = 0;
        for (Object g : goals) {
            n++;
            if (!(g instanceof Map<?, ?> goal)) {
                continue;
            }
            parts.add(new PlanParts(n, text(goal.get("label")), text(goal.get("title")), strings(goal.get("objectives")),
                    list(goal.get("initiatives")).stream().map(i -> i.get("title") == null ? firstWords(i) : text(i.get("title"))).toList(),
                    list(goal.get("successCriteria")).stream().map(c -> (c.get("code") == null ? "" : c.get("code") + ": ")
                            + text(c.get("text"))).toList()));
        }
        return parts;
    }

    private static String firstWords(Map<?, ?> initiative) {
        if (initiative.get("blocks") instanceof List<?> blocks && !blocks.isEmpty() && blocks.get(0) instanceof Map<?, ?> b
                && b.get("text") instanceof String t) {
            return t.length() > 80 ? t.substring(0, 80) + " …" : t;
        }
        return "(uden titel)";
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().map(PlanParts::text).toList() : List.of();
    }

    private static List<Map<?, ?>> list(Object value) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(o -> {
                if (o instanceof Map<?, ?> m) {
                    maps.add(m);
                }
            });
        }
        return maps;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
