package dk.beskplan.contracts.approval;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import dk.beskplan.plandocument.PlanDocument;
import java.util.UUID;

/**
 * A committee (or the council) decided on a submitted plan. {@code revisionNumber} and {@code contentHash} name
 * the submitted revision the decision is about. Title and period travel along so that a consumer (follow-up)
 * can act on the decision without having seen the submission.
 * <p>
 * Version 2 adds approval with amendments (docs/adr/0007): {@code amendments} as the protocol words them,
 * and {@code approvedDocument}, the submitted document with the amendments applied (null when the plan
 * was approved as submitted, or for any other outcome).
 * <p>
 * Version 3 adds meetings and the approval route (docs/adr/0008): {@code POSTPONED}; {@code meetingId} and
 * {@code decidingBody} (the committee's or council's name); {@code finalDecision}: false when the committee
 * only recommends and a council stage follows, so the plan is not yet in force. Older messages have none of
 * these and were always final.
 */
@Serdeable
@MessageContract(type = "approval.plan-decision-recorded", version = 3)
public record PlanDecisionRecorded(UUID planId, UUID decisionId, Decision decision, LocalDate meetingDate,
                                   int revisionNumber, String contentHash, String title, int fromYear, int toYear,
                                   @Nullable String remarks, @Nullable List<String> amendments,
                                   @Nullable PlanDocument approvedDocument,
                                   @Nullable UUID meetingId, @Nullable String decidingBody,
                                   @Nullable Boolean finalDecision) {

    /** The outcomes a committee can record (docs/domain.md, "The life of a plan"). */
    public enum Decision {
        APPROVED, APPROVED_WITH_AMENDMENTS, RETURNED, REJECTED, POSTPONED;

        /** True for an approval (which puts the plan in force when the decision is final). */
        public boolean approves() {
            return this == APPROVED || this == APPROVED_WITH_AMENDMENTS;
        }
    }

    /** True when this decision settles the plan: the last stage of the route, or a rejection or return at any stage. */
    public boolean settles() {
        return decision != Decision.POSTPONED && (finalDecision == null || finalDecision || !decision.approves());
    }
}
