package dk.beskplan.contracts.approval;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The committee decided on a submitted plan. {@code revisionNumber} and {@code contentHash} name the
 * submitted revision the decision is about. Title and period travel along so that a consumer (follow-up)
 * can act on the decision without having seen the submission.
 * <p>
 * Version 2 adds approval with amendments (docs/adr/0007): {@code amendments} as the protocol words them,
 * and {@code approvedDocument}, the submitted document with the amendments applied (null when the plan
 * was approved as submitted, or for any other outcome). Version 1 messages have neither.
 */
@Serdeable
@MessageContract(type = "approval.plan-decision-recorded", version = 2)
public record PlanDecisionRecorded(UUID planId, UUID decisionId, Decision decision, LocalDate meetingDate,
                                   int revisionNumber, String contentHash, String title, int fromYear, int toYear,
                                   @Nullable String remarks, @Nullable List<String> amendments,
                                   @Nullable Map<String, Object> approvedDocument) {

    /** The outcomes a committee can record (DOMAIN.md, "The life of a plan"). */
    public enum Decision {
        APPROVED, APPROVED_WITH_AMENDMENTS, RETURNED, REJECTED;

        /** True when the plan is now in force and follow-up starts. */
        public boolean approves() {
            return this == APPROVED || this == APPROVED_WITH_AMENDMENTS;
        }
    }
}
