package dk.beskplan.drafting.domain;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.Period;
import dk.beskplan.platform.domain.Result;

import java.util.UUID;

/**
 * A municipality's employment plan for one period, as the officials draft it. The policies below say
 * what may happen next; they change this object only when they accept.
 */
public final class Plan {
    private final UUID id;
    private final String municipality;
    private Period period;
    private String title;
    private String committeeName;
    private PlanState state;
    private int currentRevision;
    private Integer submittedRevision;
    private Integer approvedRevision;
    private String decisionRemarks;
    private final UUID basedOn;
    private final long version;

    public Plan(UUID id, String municipality, Period period, String title, String committeeName, PlanState state,
                int currentRevision, Integer submittedRevision, Integer approvedRevision, String decisionRemarks,
                UUID basedOn, long version) {
        this.id = id;
        this.municipality = municipality;
        this.period = period;
        this.title = title;
        this.committeeName = committeeName;
        this.state = state;
        this.currentRevision = currentRevision;
        this.submittedRevision = submittedRevision;
        this.approvedRevision = approvedRevision;
        this.decisionRemarks = decisionRemarks;
        this.basedOn = basedOn;
        this.version = version;
    }

    /** A new draft; its first revision is number 1. {@code basedOn} is the approved plan it continues, if any. */
    public static Plan startDraft(UUID id, String municipality, Period period, String title, String committeeName, UUID basedOn) {
        return new Plan(id, municipality, period, title, committeeName, PlanState.DRAFT, 1, null, null, null, basedOn, 0);
    }

    /** Roll-over starts from an approved plan only: the version the politicians approved. */
    public Result<Integer> canBeRolledOver() {
        return state == PlanState.APPROVED && approvedRevision != null ? Result.accepted(approvedRevision)
                : Result.rejected("Kun en godkendt plan kan videreføres til en ny periode");
    }

    /**
     * Saving a draft makes a new revision; the title and period follow the content. A submitted or approved
     * plan is frozen: changing it means a new draft (roll-over) or the committee returning it.
     */
    public Result<Integer> revise(PlanDocument content) {
        if (state != PlanState.DRAFT) {
            return Result.rejected("Planen kan kun ændres, mens den er et udkast (den er " + stateLabel() + ")");
        }
        if (!content.municipality().equals(municipality)) {
            return Result.rejected("municipality", "Planens kommune kan ikke ændres");
        }
        title = content.title();
        committeeName = content.committeeName();
        period = new Period(content.fromYear(), content.toYear());
        currentRevision++;
        return Result.accepted(currentRevision);
    }

    /** Only a draft can be submitted; submitting freezes the current revision for the committee. */
    public Result<Integer> submit() {
        if (state != PlanState.DRAFT) {
            return Result.rejected("Planen kan kun indsendes, mens den er et udkast (den er " + stateLabel() + ")");
        }
        state = PlanState.SUBMITTED;
        submittedRevision = currentRevision;
        decisionRemarks = null;
        return Result.accepted(currentRevision);
    }

    /**
     * The administration takes the submitted revision back before the committee has decided on it (to correct
     * something, or because the plan is no longer wanted in this form): the plan is a draft again and can be edited
     * and submitted anew. The revision stays frozen as it was submitted.
     */
    public Result<Integer> withdraw() {
        if (state != PlanState.SUBMITTED || submittedRevision == null) {
            return Result.rejected("Kun en indsendt plan kan trækkes tilbage (planen er " + stateLabel() + ")");
        }
        int withdrawn = submittedRevision;
        state = PlanState.DRAFT;
        submittedRevision = null;
        decisionRemarks = null;
        return Result.accepted(withdrawn);
    }

    /** The committee approved the submitted revision: it becomes the approved version. */
    public Result<PlanState> approve(int revision) {
        return decide(revision, () -> {
            state = PlanState.APPROVED;
            approvedRevision = revision;
        });
    }

    /**
     * Approved with the committee's amendments: the amended text becomes a new revision, the approved one;
     * the submitted revision stays as it was.
     */
    public Result<PlanState> approveWithAmendments(int submittedRevision) {
        return decide(submittedRevision, () -> {
            state = PlanState.APPROVED;
            currentRevision++;
            approvedRevision = currentRevision;
        });
    }

    /** Returned to the administration with remarks: back to draft, remarks shown to the officials. */
    public Result<PlanState> returnToDraft(int revision, String remarks) {
        return decide(revision, () -> {
            state = PlanState.DRAFT;
            decisionRemarks = remarks;
        });
    }

    public Result<PlanState> reject(int revision, String remarks) {
        return decide(revision, () -> {
            state = PlanState.REJECTED;
            decisionRemarks = remarks;
        });
    }

    private Result<PlanState> decide(int revision, Runnable apply) {
        if (state != PlanState.SUBMITTED || submittedRevision == null || submittedRevision != revision) {
            return Result.rejected("Beslutningen gælder revision " + revision + ", men planen afventer "
                    + (submittedRevision == null ? "ingen beslutning" : "revision " + submittedRevision));
        }
        apply.run();
        return Result.accepted(state);
    }

    private String stateLabel() {
        return switch (state) {
            case DRAFT -> "et udkast";
            case SUBMITTED -> "indsendt";
            case APPROVED -> "godkendt";
            case REJECTED -> "forkastet";
        };
    }

    public UUID id() {
        return id;
    }

    public String municipality() {
        return municipality;
    }

    public Period period() {
        return period;
    }

    public String title() {
        return title;
    }

    public String committeeName() {
        return committeeName;
    }

    public PlanState state() {
        return state;
    }

    public int currentRevision() {
        return currentRevision;
    }

    public Integer submittedRevision() {
        return submittedRevision;
    }

    public Integer approvedRevision() {
        return approvedRevision;
    }

    public UUID basedOn() {
        return basedOn;
    }

    public String decisionRemarks() {
        return decisionRemarks;
    }

    /** The optimistic-locking version this object was loaded with. */
    public long version() {
        return version;
    }
}
