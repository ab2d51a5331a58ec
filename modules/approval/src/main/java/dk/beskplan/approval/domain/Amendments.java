package dk.beskplan.approval.domain;

import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.TargetWording;
import dk.beskplan.platform.domain.Result;
import dk.beskplan.platform.text.DanishFormats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Produces the approved text exactly: the plan document the committee was given (docs/plan-document.md) with the
 * committee's amendments applied, as operations on the typed document. Every address refers to the numbering of the
 * text the committee was given, so "remove objective 1, replace objective 2" means the two objectives it read, whatever order
 * they are applied in. The input is never changed; a refusal names the amendment and what is wrong.
 */
public final class Amendments {
    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)\\s*$");
    private static final Pattern TITLED = Pattern.compile("^([^.:]{1,60}):\\s*(.+)$", Pattern.DOTALL);

    private Amendments() {
    }

    public static Result<PlanDocument> apply(PlanDocument submitted, List<Amendment> amendments) {
        if (amendments == null || amendments.isEmpty()) {
            return Result.rejected("Der er ingen ændringer");
        }
        List<Goal> goals = submitted.goals();
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
            if (a.changesMeasure() && (a.part() != Amendment.Part.CRITERION || a.operation() == Amendment.Operation.REMOVE)) {
                return Result.rejected(prefix + "kun et succeskriterium, der ændres eller tilføjes, kan få nyt måltal, frist, indikator eller datakilde");
            }
            // A criterion may keep its words and change only what it measures.
            boolean needsText = a.operation() == Amendment.Operation.ADD
                    || (a.operation() == Amendment.Operation.REPLACE && !a.changesMeasure());
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
                if (a.changesMeasure() && a.measure().targetNumber() != null && a.measure().targetNumber() != 1) {
                    return Result.rejected(prefix + "et tilføjet succeskriterium har ét måltal");
                }
                continue;
            }
            if (a.item() == null) {
                return Result.rejected(prefix + "angiv nummeret på " + noun(a.part()) + " under mål " + a.goal());
            }
            int count = parts(goals.get(a.goal() - 1), a.part()).size();
            if (a.item() < 1 || a.item() > count) {
                return Result.rejected(prefix + "mål " + a.goal() + " har ikke " + noun(a.part()) + " " + a.item()
                        + " (det har " + count + ")");
            }
            if (a.part() == Amendment.Part.CRITERION && a.changesMeasure() && a.measure().targetNumber() != null) {
                int targets = goals.get(a.goal() - 1).successCriteria().get(a.item() - 1).targets().size();
                if (a.measure().targetNumber() < 1 || a.measure().targetNumber() > targets) {
                    return Result.rejected(prefix + "succeskriterium " + a.item() + " under mål " + a.goal()
                            + " har ikke måltal " + a.measure().targetNumber() + " (det har " + targets + ")");
                }
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

        // Apply to working copies, addressing the submitted numbering: replace first, then remove (highest first), then add.
        List<Parts> working = goals.stream().map(Parts::new).toList();
        for (Amendment a : amendments) {
            if (a.operation() == Amendment.Operation.REPLACE) {
                working.get(a.goal() - 1).replace(a.part(), a.item(), stripped(a.text()), a.measure());
            }
        }
        for (Parts goal : working) {
            goal.removeAll(amendments.stream().filter(a -> a.operation() == Amendment.Operation.REMOVE
                    && a.part() != Amendment.Part.GOAL && working.get(a.goal() - 1) == goal).toList());
        }
        for (Amendment a : amendments) {
            if (a.operation() == Amendment.Operation.ADD && a.part() != Amendment.Part.GOAL) {
                working.get(a.goal() - 1).add(a.part(), a.text().strip(), a.measure());
            }
        }
        List<Goal> kept = new ArrayList<>();
        for (int i = 0; i < working.size(); i++) {
            if (!removedGoals.contains(i + 1)) {
                kept.add(working.get(i).goal());
            }
        }
        for (Amendment a : amendments) {
            if (a.operation() == Amendment.Operation.ADD && a.part() == Amendment.Part.GOAL) {
                String lastLabel = kept.isEmpty() ? null : kept.get(kept.size() - 1).label();
                // A plan that numbers none of its goals gets no number for the new one either.
                kept.add(Goal.local(unnumbered(submitted.goals()) ? null : nextLabel(lastLabel, kept.size() + 1), a.text().strip()));
            }
        }
        return Result.accepted(submitted.withGoals(kept));
    }

    /** The amendment as a protocol words it, naming the part by the plan's own label. Call after {@link #apply} accepted it. */
    public static String describe(PlanDocument submitted, Amendment a) {
        List<Goal> goals = submitted.goals();
        if (a.part() == Amendment.Part.GOAL && a.operation() == Amendment.Operation.ADD) {
            String last = goals.isEmpty() ? null : goals.get(goals.size() - 1).label();
            return unnumbered(goals) ? "Nyt mål tilføjes: »" + a.text().strip() + "«"
                    : "Nyt mål tilføjes (" + nextLabel(last, goals.size() + 1) + "): »" + a.text().strip() + "«";
        }
        Goal goal = goals.get(a.goal() - 1);
        String goalName = goal.label() == null || goal.label().isBlank() ? "Mål " + a.goal() : goal.label();
        String named = goalName + " (" + goal.title() + ")";
        if (a.part() == Amendment.Part.GOAL) {
            return switch (a.operation()) {
                case REPLACE -> named + " får titlen: »" + a.text().strip() + "«";
                case REMOVE -> named + " udgår";
                case ADD -> throw new IllegalStateException();
            };
        }
        if (a.operation() == Amendment.Operation.ADD) {
            return named + ": der tilføjes " + (a.part() == Amendment.Part.OBJECTIVE ? "en " : "et ") + singular(a.part())
                    + ": »" + a.text().strip() + "«" + measureInWords(a);
        }
        Object old = parts(goal, a.part()).get(a.item() - 1);
        String which = singular(a.part()) + " " + itemName(a, old);
        if (a.operation() == Amendment.Operation.REPLACE && stripped(a.text()) == null) {
            return named + ", " + which + " »" + oldText(old) + "« måles nu sådan" + measureInWords(a).replaceFirst("^;", ":");
        }
        return switch (a.operation()) {
            case REPLACE -> named + ", " + which + " ændres til: »" + a.text().strip() + "«" + measureInWords(a);
            case REMOVE -> named + ", " + which + " udgår: »" + oldText(old) + "«";
            case ADD -> throw new IllegalStateException();
        };
    }

    /** A goal's objectives, initiatives and criteria while amendments are applied to them. */
    private static final class Parts {
        private final Goal original;
        private String title;
        private final List<String> objectives;
        private final List<PlanDocument.Initiative> initiatives;
        private final List<SuccessCriterion> criteria;

        Parts(Goal goal) {
            original = goal;
            title = goal.title();
            objectives = new ArrayList<>(goal.objectives());
            initiatives = new ArrayList<>(goal.initiatives());
            criteria = new ArrayList<>(goal.successCriteria());
        }

        /** {@code text} null: the part keeps its words (a criterion whose measure alone changes). */
        void replace(Amendment.Part part, Integer item, String text, Amendment.Measure measure) {
            switch (part) {
                case GOAL -> title = text;
                case OBJECTIVE -> objectives.set(item - 1, text);
                case INITIATIVE -> initiatives.set(item - 1, initiative(text));
                // Without a measure the criterion keeps its target, indicator and figures: the committee changed its words.
                case CRITERION -> criteria.set(item - 1, measured(text == null ? criteria.get(item - 1) : criteria.get(item - 1).withText(text), measure));
            }
        }

        /** Removes the parts the amendments name, by the submitted numbering (the highest first, so each still points right). */
        void removeAll(List<Amendment> removals) {
            removals.stream().sorted((x, y) -> y.item() - x.item()).forEach(a -> {
                switch (a.part()) {
                    case OBJECTIVE -> objectives.remove(a.item() - 1);
                    case INITIATIVE -> initiatives.remove(a.item() - 1);
                    case CRITERION -> criteria.remove(a.item() - 1);
                    case GOAL -> { }
                }
            });
        }

        void add(Amendment.Part part, String text, Amendment.Measure measure) {
            switch (part) {
                case OBJECTIVE -> objectives.add(text);
                case INITIATIVE -> initiatives.add(initiative(text));
                case CRITERION -> criteria.add(measured(SuccessCriterion.narrative(text), measure));
                case GOAL -> { }
            }
        }

        Goal goal() {
            return original.withTitle(title).withParts(objectives, initiatives, criteria);
        }
    }

    private static SuccessCriterion measured(SuccessCriterion criterion, Amendment.Measure measure) {
        return measure == null ? criterion
                : criterion.measuredBy(measure.targetIndex(), measure.target(), PlanDate.of(measure.deadline()), measure.indicator(),
                measure.dataSource());
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The new measure in the protocol's words: "; måltal: 2 procentpoint over landsgennemsnittet; frist: 31. december 2026". */
    private static String measureInWords(Amendment a) {
        if (!a.changesMeasure()) {
            return "";
        }
        Amendment.Measure m = a.measure();
        StringBuilder words = new StringBuilder();
        // Of a criterion's several targets the one changed is named by its number ("måltal 2: mindst 50").
        String which = m.targetNumber() == null ? "måltal" : "måltal " + m.targetNumber();
        if (m.target() != null) {
            words.append("; ").append(which).append(": ").append(TargetWording.inSentence(m.target()));
        } else if (m.targetNumber() != null) {
            words.append("; for ").append(which);
        }
        if (m.deadline() != null) {
            words.append("; frist: ").append(DanishFormats.date(m.deadline()));
        }
        if (m.indicator() != null && !m.indicator().isBlank()) {
            words.append("; indikator: ").append(m.indicator().strip());
        }
        if (m.dataSource() != null && !m.dataSource().isBlank()) {
            words.append("; datakilde: ").append(m.dataSource().strip());
        }
        return words.toString();
    }

    private static List<?> parts(Goal goal, Amendment.Part part) {
        return switch (part) {
            case OBJECTIVE -> goal.objectives();
            case INITIATIVE -> goal.initiatives();
            case CRITERION -> goal.successCriteria();
            case GOAL -> List.of();
        };
    }

    private static String itemName(Amendment a, Object old) {
        if (old instanceof SuccessCriterion c && c.code() != null && !c.code().isBlank()) {
            return c.code();
        }
        return String.valueOf(a.item());
    }

    private static String oldText(Object old) {
        if (old instanceof SuccessCriterion c) {
            return c.text();
        }
        if (old instanceof PlanDocument.Initiative i) {
            return (i.title() != null ? i.title() + ": " : "") + firstParagraph(i);
        }
        return String.valueOf(old);
    }

    private static String firstParagraph(PlanDocument.Initiative initiative) {
        return initiative.blocks().stream()
                .filter(b -> b instanceof PlanDocument.Paragraph || b instanceof PlanDocument.Heading)
                .map(PlanDocument.Block::plainText).findFirst().orElse("");
    }

    /** "Ledetråde: tekst" becomes an initiative titled "Ledetråde"; text without such a title has none. */
    private static PlanDocument.Initiative initiative(String text) {
        Matcher m = TITLED.matcher(text.strip());
        if (m.matches()) {
            return new PlanDocument.Initiative(m.group(1).strip(), List.of(new PlanDocument.Paragraph(m.group(2).strip())));
        }
        return new PlanDocument.Initiative(null, List.of(new PlanDocument.Paragraph(text.strip())));
    }

    /** "Beskæftigelsesmål 5" → "Beskæftigelsesmål 6"; without a number, "Mål N". */
    /** The plan has goals and prints a number or code for none of them. */
    private static boolean unnumbered(List<Goal> goals) {
        return !goals.isEmpty() && goals.stream().allMatch(g -> g.label() == null || g.label().isBlank());
    }

    static String nextLabel(String last, int position) {
        if (last != null) {
            Matcher m = TRAILING_NUMBER.matcher(last);
            if (m.matches()) {
                return m.group(1) + (Integer.parseInt(m.group(2)) + 1);
            }
        }
        return "Mål " + position;
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
}
