package dk.beskplan.plandocument;

import java.util.List;

/**
 * A goal of the plan: national (one of the minister's goals, kept by the plan) or local, with the
 * number or code the plan prints ("Beskæftigelsesmål 3", "Fokusområde 7", "Lokalt mål 6"), or none ({@code label}
 * null) when the plan does not number its goals.
 */
public record Goal(Kind kind, String nationalGoal, String label, String title, List<PlanDocument.Block> introduction,
                   String objectivesHeading, List<String> objectives, String initiativesHeading,
                   List<PlanDocument.Initiative> initiatives, String successCriteriaHeading,
                   List<SuccessCriterion> successCriteria, List<PlanDocument.Section> sections) {

    /** National goals come from the catalogue; local goals are the municipality's own. */
    public enum Kind { NATIONAL, LOCAL }

    public Goal {
        introduction = List.copyOf(introduction);
        objectives = List.copyOf(objectives);
        initiatives = List.copyOf(initiatives);
        successCriteria = List.copyOf(successCriteria);
        sections = List.copyOf(sections);
    }

    /** The goal's heading as the plan prints it: "Mål 1: Flere i job", or the title alone when the goal has no label. */
    public String heading() {
        return heading(label, title);
    }

    /** "label: title", or the title alone when there is no label. */
    public static String heading(String label, String title) {
        return label == null || label.isBlank() ? title : label + ": " + title;
    }

    /** This goal with another title. */
    public Goal withTitle(String newTitle) {
        return new Goal(kind, nationalGoal, label, newTitle, introduction, objectivesHeading, objectives, initiativesHeading,
                initiatives, successCriteriaHeading, successCriteria, sections);
    }

    /** This goal with other objectives, initiatives and success criteria (what a committee's amendments change). */
    public Goal withParts(List<String> newObjectives, List<PlanDocument.Initiative> newInitiatives,
                          List<SuccessCriterion> newCriteria) {
        return new Goal(kind, nationalGoal, label, title, introduction, objectivesHeading, newObjectives, initiativesHeading,
                newInitiatives, successCriteriaHeading, newCriteria, sections);
    }

    /** A new local goal with a title only, as a committee adds one. */
    public static Goal local(String label, String title) {
        return new Goal(Kind.LOCAL, null, label, title, List.of(), null, List.of(), null, List.of(), null, List.of(), List.of());
    }
}
