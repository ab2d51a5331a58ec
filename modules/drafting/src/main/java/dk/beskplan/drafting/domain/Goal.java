package dk.beskplan.drafting.domain;

import java.util.List;

/**
 * A goal of the plan: national (one of the minister's goals, kept by the plan) or local, with the
 * number or code the plan prints ("Beskæftigelsesmål 3", "Fokusområde 7", "Lokalt mål 6").
 */
public record Goal(Kind kind, String nationalGoal, String label, String title, List<PlanContent.Block> introduction,
                   String objectivesHeading, List<String> objectives, String initiativesHeading,
                   List<PlanContent.Initiative> initiatives, String successCriteriaHeading,
                   List<SuccessCriterion> successCriteria, List<PlanContent.Section> sections) {

    /** National goals come from the catalogue; local goals are the municipality's own. */
    public enum Kind { NATIONAL, LOCAL }

    public Goal {
        introduction = List.copyOf(introduction);
        objectives = List.copyOf(objectives);
        initiatives = List.copyOf(initiatives);
        successCriteria = List.copyOf(successCriteria);
        sections = List.copyOf(sections);
    }
}
