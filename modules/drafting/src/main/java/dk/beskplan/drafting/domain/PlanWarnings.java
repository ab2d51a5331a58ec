package dk.beskplan.drafting.domain;

import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.plandocument.CriterionTarget;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the officials should look at before they submit a plan; unlike the reader's errors, none of it stops a
 * submission. Each warning names the place in the document by its path (as import errors do) and says in Danish what
 * is odd there: a goal without success criteria (nothing to follow up), a deadline or target date before the plan's
 * period, and, in a plan carried over from the previous period, every text that still names that period's years.
 */
public final class PlanWarnings {
    /** What a warning is about. */
    public enum Kind { GOAL_WITHOUT_CRITERIA, DATE_BEFORE_PERIOD, OLD_YEAR }

    /** One warning: where ({@code goals[1].successCriteria}), what kind, and the Danish text. */
    public record Warning(String path, Kind kind, String message) {
    }

    /** Fields whose values are not texts of the plan (codes, an image, dates checked on their own). */
    private static final Set<String> NOT_TEXT = Set.of("municipality", "nationalGoal", "image", "deadline", "date",
            "baselineDate", "targetDate", "type", "kind", "placement", "unit");
    /** Characters shown on each side of an old year, so that the text can be found. */
    private static final int CONTEXT = 40;

    private PlanWarnings() {
    }

    /**
     * The warnings of a plan's document. {@code carriedOver}: the plan was carried over from the period before
     * (roll-over), whose years its texts should no longer name unreviewed.
     */
    public static List<Warning> of(PlanDocument plan, boolean carriedOver) {
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < plan.goals().size(); i++) {
            Goal goal = plan.goals().get(i);
            if (goal.successCriteria().isEmpty()) {
                warnings.add(new Warning("goals[" + i + "].successCriteria", Kind.GOAL_WITHOUT_CRITERIA,
                        "»" + goal.heading() + "« har ingen succeskriterier, så der er intet at følge op på for målet."));
            }
        }
        LocalDate periodStarts = LocalDate.of(plan.fromYear(), 1, 1);
        String period = plan.fromYear() == plan.toYear() ? Integer.toString(plan.fromYear()) : plan.fromYear() + "–" + plan.toYear();
        criteriaDates(plan.overallSuccessCriteria(), "overallSuccessCriteria", periodStarts, period, warnings);
        for (int i = 0; i < plan.goals().size(); i++) {
            criteriaDates(plan.goals().get(i).successCriteria(), "goals[" + i + "].successCriteria", periodStarts, period, warnings);
        }
        if (carriedOver) {
            warnings.addAll(oldYears(plan));
        }
        return warnings;
    }

    private static void criteriaDates(List<SuccessCriterion> criteria, String path, LocalDate periodStarts, String period,
                                      List<Warning> warnings) {
        for (int j = 0; j < criteria.size(); j++) {
            SuccessCriterion c = criteria.get(j);
            String at = path + "[" + j + "]";
            String name = c.code() != null ? "Succeskriterium " + c.code() : "Et succeskriterium";
            if (c.deadline() != null && c.deadline().asDay().isBefore(periodStarts)) {
                warnings.add(new Warning(at + ".deadline", Kind.DATE_BEFORE_PERIOD, name + " har fristen "
                        + c.deadline().words() + ", før planens periode (" + period + ")."));
            }
            for (int k = 0; k < c.targets().size(); k++) {
                CriterionTarget ct = c.targets().get(k);
                // one target is at …target, several at …targets[k], as the document writes them
                String targetAt = at + (c.targets().size() == 1 && ct.plain() ? ".target" : ".targets[" + k + "]");
                if (ct.deadline() != null && ct.deadline().asDay().isBefore(periodStarts)) {
                    warnings.add(new Warning(targetAt + ".deadline", Kind.DATE_BEFORE_PERIOD, name + " har et mål med fristen "
                            + ct.deadline().words() + ", før planens periode (" + period + ")."));
                }
                if (ct.target() instanceof Target.ChangeFromBaseline t && t.targetDate() != null && t.targetDate().asDay().isBefore(periodStarts)) {
                    warnings.add(new Warning(targetAt + ".targetDate", Kind.DATE_BEFORE_PERIOD, name + " skal være nået "
                            + t.targetDate().words() + ", før planens periode (" + period + ")."));
                }
            }
        }
    }

    /** Every text that names a year of the period before the plan's (as long as the plan's own), for review. */
    public static List<Warning> oldYears(PlanDocument plan) {
        int years = plan.toYear() - plan.fromYear() + 1;
        List<Warning> warnings = new ArrayList<>();
        texts(PlanDocumentWriter.write(plan), "", plan.fromYear() - years, plan.fromYear() - 1, plan, warnings);
        return warnings;
    }

    private static void texts(Object node, String path, int fromYear, int toYear, PlanDocument plan, List<Warning> warnings) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!NOT_TEXT.contains(String.valueOf(key))) {
                    texts(value, path.isEmpty() ? String.valueOf(key) : path + "." + key, fromYear, toYear, plan, warnings);
                }
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                texts(list.get(i), path + "[" + i + "]", fromYear, toYear, plan, warnings);
            }
        } else if (node instanceof String text) {
            Matcher m = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)").matcher(text);
            while (m.find()) {
                int year = Integer.parseInt(m.group(1));
                if (year >= fromYear && year <= toYear) {
                    warnings.add(new Warning(path, Kind.OLD_YEAR, "Teksten nævner " + year + ", men planen gælder "
                            + (plan.fromYear() == plan.toYear() ? plan.fromYear() : plan.fromYear() + "–" + plan.toYear())
                            + ": »" + excerpt(text, m.start(), m.end()) + "«"));
                    break; // one warning per text: the official reads the whole text anyway
                }
            }
        }
    }

    private static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), end + CONTEXT);
        return (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ").strip() + (to < text.length() ? "…" : "");
    }
}
