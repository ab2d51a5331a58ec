package dk.beskplan.drafting.application;

import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.drafting.DraftingModule;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.drafting.domain.PlanState;
import dk.beskplan.platform.domain.Result;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** The committee's decision comes back: approved, back to draft with remarks, or rejected. */
@Singleton
class DecisionHandler implements MessageHandler<PlanDecisionRecorded> {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionHandler.class);

    private final PlanRepository plans;
    private final PlanService service;
    private final Clock clock;

    DecisionHandler(PlanRepository plans, PlanService service, Clock clock) {
        this.plans = plans;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public String module() {
        return DraftingModule.MODULE.name();
    }

    @Override
    public Class<PlanDecisionRecorded> messageType() {
        return PlanDecisionRecorded.class;
    }

    @Override
    public void handle(PlanDecisionRecorded decision, Envelope envelope) {
        Plan plan = plans.find(decision.planId())
                .orElseThrow(() -> new IllegalStateException("Decision for unknown plan " + decision.planId()));
        if (!decision.settles()) {
            // Postponed, or a committee's approval that only recommends (the council decides next): the plan waits,
            // and the officials see where it stands.
            if (plan.state() == PlanState.SUBMITTED && Integer.valueOf(decision.revisionNumber()).equals(plan.submittedRevision())) {
                plans.recordProgress(plan.id(), new PlanRepository.Progress(decision.revisionNumber(), decision.decision().name(),
                        decision.decidingBody() == null ? plan.committeeName() : decision.decidingBody(), decision.meetingDate()),
                        clock.instant());
            }
            return;
        }
        Result<PlanState> result = switch (decision.decision()) {
            case APPROVED -> plan.approve(decision.revisionNumber());
            case APPROVED_WITH_AMENDMENTS -> decision.approvedDocument() == null
                    ? Result.<PlanState>rejected("Godkendt med ændringer, men beskeden har ingen godkendt tekst")
                    : plan.approveWithAmendments(decision.revisionNumber());
            case RETURNED -> plan.returnToDraft(decision.revisionNumber(), decision.remarks());
            case REJECTED -> plan.reject(decision.revisionNumber(), decision.remarks());
            case POSTPONED -> Result.<PlanState>rejected("Udsat til et senere møde: planen venter fortsat");
        };
        if (result instanceof Result.Rejected<PlanState> rejected) {
            // A decision about a revision that is no longer waiting (e.g. withdrawn): keep it as history only.
            LOG.warn("Plan {}: decision {} not applied: {}", plan.id(), decision.decisionId(), rejected.reason());
            return;
        }
        plans.update(plan, clock.instant());
        if (decision.decision() == PlanDecisionRecorded.Decision.APPROVED_WITH_AMENDMENTS) {
            // The submitted revision stays frozen as submitted; the amended text is the approved revision.
            service.storeApprovedVersion(plan, decision.approvedDocument(), envelope.actor());
        } else if (plan.state() == PlanState.APPROVED) {
            plans.freeze(plan.id(), decision.revisionNumber(), "APPROVED");
        }
        if (plan.state() == PlanState.APPROVED) {
            plans.recordApproval(plan.id(), decision.decisionId(), new PlanRepository.ApprovalRecord(decision.meetingDate(),
                    decision.decidingBody() == null ? plan.committeeName() : decision.decidingBody(), decision.meetingId()),
                    clock.instant());
            service.publishApproved(plan, decision, envelope);
        }
    }
}
