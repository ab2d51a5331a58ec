package dk.beskplan.drafting.domain;

/** Where a plan is in its life (docs/domain.md, "The life of a plan"), as drafting sees it. */
public enum PlanState {
    /** Officials are writing it (also after the committee returned it). */
    DRAFT,
    /** Frozen and waiting for the committee's decision. */
    SUBMITTED,
    /** Approved: the approved revision is immutable. */
    APPROVED,
    /** The committee rejected it; it stays as history. */
    REJECTED
}
