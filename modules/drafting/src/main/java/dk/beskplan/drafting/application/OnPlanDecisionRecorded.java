package dk.beskplan.drafting.application;

import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.contracts.drafting.PlanApproved;
import dk.beskplan.contracts.drafting.PlanDocumentFrozen;
import dk.beskplan.drafting.DraftingModule;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.drafting.domain.PlanState;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.platform.domain.Result;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.messaging.ModuleMessageHandler;
import dk.beskplan.platform.outbox.Outbox;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** The committee's decision comes back: approved, back to draft with remarks, or rejected. */
@Singleton
class OnPlanDecisionRecorded extends ModuleMessageHandler<PlanDecisionRecorded> {
    private static final Logger LOG = LoggerFactory.getLogger(OnPlanDecisionRecorded.class);

    private final PlanRepository plans;
    private final PlanTexts texts;
    private final Outbox outbox;
    private final FrozenPdfQueue frozenPdfs;
    private final Clock clock;

    OnPlanDecisionRecorded(PlanRepository plans, PlanTexts texts, Outbox outbox, FrozenPdfQueue frozenPdfs, Clock clock) {
        super(DraftingModule.MODULE, PlanDecisionRecorded.class);
        this.frozenPdfs = frozenPdfs;
        this.plans = plans;
        this.texts = texts;
        this.outbox = outbox;
        this.clock = clock;
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
                        decidingBody(decision, plan), decision.meetingDate()),
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
            storeApprovedVersion(plan, decision.approvedDocument(), envelope.actor());
        } else if (plan.state() == PlanState.APPROVED) {
            plans.freeze(plan.id(), decision.revisionNumber(), "APPROVED");
        }
        if (plan.state() == PlanState.APPROVED) {
            plans.recordApproval(plan.id(), decision.decisionId(), new PlanRepository.ApprovalRecord(decision.meetingDate(),
                    decidingBody(decision, plan), decision.meetingId()),
                    clock.instant());
            PlanRepository.Revision approved = plans.revision(plan.id(), plan.approvedRevision()).orElseThrow();
            publishApproved(plan, approved, decision, envelope);
            // The approved version's PDF is rendered once, soon after this commits (FrozenPdfQueue).
            MessageContext context = MessageContext.reactingTo(envelope, module());
            frozenPdfs.request(new FrozenDocumentRepository.Request(plan.id(), plan.approvedRevision(),
                    PlanDocumentFrozen.Kind.APPROVED, approved.contentHash(), decision.meetingDate(), context.municipality(),
                    context.actor(), context.causationId()));
        }
    }

    /** Who decided: as the decision says, else the committee the plan names, else "Udvalget" (a plan may name none). */
    private static String decidingBody(PlanDecisionRecorded decision, Plan plan) {
        if (decision.decidingBody() != null) {
            return decision.decidingBody();
        }
        return plan.committeeName() != null ? plan.committeeName() : "Udvalget";
    }

    /**
     * Stores the committee's amended text (docs/adr/0007) as the plan's approved revision, frozen. The text
     * is read with the same rules as any document: one drafting cannot read is a defect, not a plan.
     */
    private void storeApprovedVersion(Plan plan, PlanDocument approved, String actor) {
        plans.insertRevision(plan.id(), plan.approvedRevision(), PlanDocumentWriter.toJson(approved),
                PlanDocumentWriter.hash(approved), actor, clock.instant());
        plans.freeze(plan.id(), plan.approvedRevision(), "APPROVED");
    }

    /**
     * The plan is in force: its approved version goes out with its content hash, so follow-up can build its status
     * rounds from the goals and criteria and the archive keeps the version as approved.
     */
    private void publishApproved(Plan plan, PlanRepository.Revision approved, PlanDecisionRecorded decision, Envelope cause) {
        outbox.append(DraftingModule.MODULE, new PlanApproved(plan.id(), plan.title(), plan.period().fromYear(),
                        plan.period().toYear(), plan.committeeName(), plan.approvedRevision(), decision.revisionNumber(),
                        plan.approvedRevision() != decision.revisionNumber(), approved.contentHash(),
                        texts.stored(approved.content()), decision.decisionId(),
                        decidingBody(decision, plan),
                        decision.meetingDate()),
                MessageContext.reactingTo(cause, module()));
    }
}
