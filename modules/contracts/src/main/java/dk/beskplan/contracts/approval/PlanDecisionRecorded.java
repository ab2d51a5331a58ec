package dk.beskplan.contracts.approval;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The committee decided on a submitted plan. {@code revisionNumber} and {@code contentHash} name the
 * submitted revision the decision is about. Title and period travel along so that a consumer (follow-up)
 * can act on the decision without having seen the submission.
 */
@Serdeable
@MessageContract(type = "approval.plan-decision-recorded", version = 1)
public record PlanDecisionRecorded(UUID planId, UUID decisionId, Decision decision, LocalDate meetingDate,
                                   int revisionNumber, String contentHash, String title, int fromYear, int toYear,
                                   String remarks) {

    /** The outcomes a committee can record (DOMAIN.md, "The life of a plan"). */
    public enum Decision {
        APPROVED, RETURNED, REJECTED;

        /** True when the plan is now in force and follow-up starts. */
        public boolean approves() {
            return this == APPROVED;
        }
    }
}
