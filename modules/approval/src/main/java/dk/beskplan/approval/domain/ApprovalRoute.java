package dk.beskplan.approval.domain;

import dk.beskplan.platform.domain.Result;

import java.util.List;
import java.util.UUID;

/**
 * The way a plan goes to approval in a municipality, stage by stage: e.g. committee only; committee → council;
 * hearing → committee. Every submission keeps the route it started on, so changing the route does not move plans
 * already under way. The last stage is a decision, and only that decision puts the plan in force.
 */
public record ApprovalRoute(List<Stage> stages) {

    /** One step of the route. */
    public sealed interface Stage {
    }

    /** A body (a council, a board) is asked for its opinion and has {@code days} days to answer. */
    public record Hearing(String body, int days) implements Stage {
    }

    /** A committee (or the council) decides at one of its meetings. */
    public record Decision(UUID committeeId) implements Stage {
    }

    public ApprovalRoute {
        stages = List.copyOf(stages);
    }

    /** The route when the municipality has configured none: its committee decides. */
    public static ApprovalRoute committeeOnly(UUID committeeId) {
        return new ApprovalRoute(List.of(new Decision(committeeId)));
    }

    /** A route has at least one decision, ends with one, and gives hearings a body and a positive deadline. */
    public static Result<ApprovalRoute> of(List<Stage> stages) {
        if (stages.isEmpty() || !(stages.get(stages.size() - 1) instanceof Decision)) {
            return Result.rejected("stages", "Godkendelsesforløbet skal slutte med et udvalgs eller byrådets beslutning");
        }
        for (Stage stage : stages) {
            if (stage instanceof Hearing h && (h.body() == null || h.body().isBlank())) {
                return Result.rejected("stages", "En høring skal have en modtager");
            }
            if (stage instanceof Hearing h && (h.days() < 1 || h.days() > 365)) {
                return Result.rejected("stages", "Høringsfristen skal være mellem 1 og 365 dage");
            }
            if (stage instanceof Decision d && d.committeeId() == null) {
                return Result.rejected("stages", "Hver beslutning skal have et udvalg");
            }
        }
        long distinct = stages.stream().filter(s -> s instanceof Decision).map(s -> ((Decision) s).committeeId()).distinct().count();
        if (distinct != stages.stream().filter(s -> s instanceof Decision).count()) {
            return Result.rejected("stages", "Det samme udvalg kan kun beslutte én gang i forløbet");
        }
        return Result.accepted(new ApprovalRoute(stages));
    }

    public Stage stage(int index) {
        return stages.get(index);
    }

    /**
     * The committee that decides next, counting from {@code stage} (a hearing is followed by a decision): whose
     * secretaries a plan at that stage concerns. Null when the route names no committee (none is set up yet).
     */
    public UUID decidingCommittee(int stage) {
        for (int i = stage; i < stages.size(); i++) {
            if (stages.get(i) instanceof Decision d) {
                return d.committeeId();
            }
        }
        return null;
    }

    /** True when the decision at this stage is the last one: it settles the plan. */
    public boolean isFinal(int index) {
        return index == stages.size() - 1;
    }

    public boolean hasStageAfter(int index) {
        return index + 1 < stages.size();
    }
}
