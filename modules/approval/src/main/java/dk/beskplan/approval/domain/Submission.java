package dk.beskplan.approval.domain;

import dk.beskplan.platform.domain.Result;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A submitted plan revision on its way along the approval route: heard, waiting in the secretary's in-box,
 * on an agenda, and finally approved, returned or rejected, unless the administration withdraws it first.
 */
public final class Submission {

    /** Where the submission is on its route. */
    public enum Status {
        IN_HEARING, AWAITING_AGENDA, ON_AGENDA, APPROVED, RETURNED, REJECTED, WITHDRAWN;

        public boolean underWay() {
            return this == IN_HEARING || this == AWAITING_AGENDA || this == ON_AGENDA;
        }
    }

    /** What a decision did to the submission: settled it, or moved it to the next stage of the route. */
    public record Step(boolean settles, boolean approvedFinally, int stage, Status status) {
    }

    private final UUID planId;
    private final int revision;
    private final String municipality;
    private ApprovalRoute route;
    private Status status;
    private int stage;
    private final long version;

    public Submission(UUID planId, int revision, String municipality, ApprovalRoute route, Status status, int stage,
                      long version) {
        this.planId = planId;
        this.revision = revision;
        this.municipality = municipality;
        this.route = route;
        this.status = status;
        this.stage = stage;
        this.version = version;
    }

    /** A new submission starts at the route's first stage: a hearing, or the in-box. */
    public static Submission arrive(UUID planId, int revision, String municipality, ApprovalRoute route) {
        Status first = route.stage(0) instanceof ApprovalRoute.Hearing ? Status.IN_HEARING : Status.AWAITING_AGENDA;
        return new Submission(planId, revision, municipality, route, first, 0, 0);
    }

    /** The hearing's deadline, counted from the day it was asked. */
    public LocalDate hearingDeadline(LocalDate asked) {
        return asked.plusDays(((ApprovalRoute.Hearing) route.stage(stage)).days());
    }

    /** True while the plan waits for a decision whose committee nobody has chosen: it arrived before the route was set. */
    public boolean awaitsRoute() {
        return route.stage(stage) instanceof ApprovalRoute.Decision d && d.committeeId() == null;
    }

    /**
     * A plan that arrived before the municipality set its route takes the route once it is set, so that no
     * committee decides a plan by default. A route that begins with a hearing cannot be joined half-way: the plan
     * would skip the hearing.
     */
    public Result<Submission> adopt(ApprovalRoute configured) {
        if (!awaitsRoute() || stage != 0) {
            return Result.rejected("Planen følger allerede et godkendelsesforløb");
        }
        if (!(configured.stage(0) instanceof ApprovalRoute.Decision d) || d.committeeId() == null) {
            return Result.rejected("Planen blev indsendt, før godkendelsesforløbet var fastlagt, og forløbet begynder med en"
                    + " høring. Bed forvaltningen trække planen tilbage og indsende den igen, så den kommer i høring");
        }
        route = configured;
        return Result.accepted(this);
    }

    /** The plan can go on a meeting of the committee whose turn it is on the route. */
    public Result<Submission> placeOnAgendaOf(UUID committeeId) {
        if (status == Status.ON_AGENDA) {
            return Result.rejected("Planen er allerede på en dagsorden");
        }
        if (status == Status.IN_HEARING) {
            return Result.rejected("Planen er i høring; den kan sættes på dagsordenen, når høringssvaret er registreret");
        }
        if (status != Status.AWAITING_AGENDA) {
            return Result.rejected("Planen venter ikke på et udvalgs behandling");
        }
        if (awaitsRoute()) {
            return Result.rejected("Godkendelsesforløbet er ikke fastlagt: vælg først, hvilket udvalg der beslutter planen");
        }
        if (!(route.stage(stage) instanceof ApprovalRoute.Decision d) || !d.committeeId().equals(committeeId)) {
            return Result.rejected("Planen skal på dette trin behandles af et andet udvalg");
        }
        status = Status.ON_AGENDA;
        return Result.accepted(this);
    }

    /** The item was taken off the agenda without a decision: back to the in-box. */
    public Result<Submission> takenOffAgenda() {
        if (status != Status.ON_AGENDA) {
            return Result.rejected("Planen er ikke på en dagsorden");
        }
        status = Status.AWAITING_AGENDA;
        return Result.accepted(this);
    }

    /** The body decided: a final stage settles the plan, an approval before it moves the plan on along the route. */
    public Result<Step> decided(ItemDecision.Outcome outcome) {
        if (status != Status.ON_AGENDA) {
            return Result.rejected("Planen er ikke på en dagsorden og kan ikke besluttes");
        }
        switch (outcome) {
            case APPROVED, APPROVED_WITH_AMENDMENTS -> {
                if (route.isFinal(stage)) {
                    status = Status.APPROVED;
                    return Result.accepted(new Step(true, true, stage, status));
                }
                stage++;
                status = route.stage(stage) instanceof ApprovalRoute.Hearing ? Status.IN_HEARING : Status.AWAITING_AGENDA;
                return Result.accepted(new Step(false, false, stage, status));
            }
            case RETURNED -> status = Status.RETURNED;
            case REJECTED -> status = Status.REJECTED;
            case POSTPONED -> {
                return Result.accepted(new Step(false, false, stage, status)); // stays on an agenda: the later meeting's
            }
            case NOTED -> {
                return Result.rejected("outcome", "En plan tages ikke til efterretning; den godkendes, sendes tilbage eller forkastes");
            }
        }
        return Result.accepted(new Step(true, false, stage, status));
    }

    /** The heard body answered (or its deadline passed): the plan moves on to the next stage. */
    public Result<Submission> hearingAnswered() {
        if (status != Status.IN_HEARING) {
            return Result.rejected("Planen er ikke i høring");
        }
        stage++;
        status = route.stage(stage) instanceof ApprovalRoute.Hearing ? Status.IN_HEARING : Status.AWAITING_AGENDA;
        return Result.accepted(this);
    }

    /** The administration took the plan back before it was settled. */
    public Result<Submission> withdraw() {
        if (!status.underWay()) {
            return Result.rejected("Planen er allerede afgjort og kan ikke trækkes tilbage");
        }
        status = Status.WITHDRAWN;
        return Result.accepted(this);
    }

    /** True when a council (or another body) decides after this stage. */
    public boolean recommendsOnly() {
        return !route.isFinal(stage);
    }

    public UUID planId() {
        return planId;
    }

    public int revision() {
        return revision;
    }

    public String municipality() {
        return municipality;
    }

    public ApprovalRoute route() {
        return route;
    }

    public Status status() {
        return status;
    }

    public int stage() {
        return stage;
    }

    public long version() {
        return version;
    }
}
