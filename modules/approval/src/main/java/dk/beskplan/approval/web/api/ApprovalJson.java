package dk.beskplan.approval.web.api;

import dk.beskplan.approval.application.RouteView;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.approval.domain.Meeting;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** The approval API's JSON shapes: the domain's objects carry no serialization annotations, these do. */
public final class ApprovalJson {
    private ApprovalJson() {
    }

    @Serdeable
    public record MemberJson(String name, @Nullable String party, @Nullable Committee.Role role) {
    }

    @Serdeable
    public record CommitteeJson(UUID id, String name, Committee.Kind kind, List<MemberJson> members, List<String> secretaries,
                                long version) {
        static CommitteeJson of(Committee c) {
            return new CommitteeJson(c.id(), c.name(), c.kind(),
                    c.members().stream().map(m -> new MemberJson(m.name(), m.party(), m.role())).toList(), c.secretaries(),
                    c.version());
        }
    }

    /** A stage of the route: {@code kind} HEARING (body, days) or DECISION (committeeId). */
    @Serdeable
    public record StageJson(String kind, @Nullable String body, @Nullable Integer days, @Nullable UUID committeeId) {
        static StageJson of(ApprovalRoute.Stage stage) {
            return stage instanceof ApprovalRoute.Hearing h ? new StageJson("HEARING", h.body(), h.days(), null)
                    : new StageJson("DECISION", null, null, ((ApprovalRoute.Decision) stage).committeeId());
        }
    }

    @Serdeable
    public record RouteJson(List<StageJson> stages, long version, boolean configured) {
        static RouteJson of(RouteView route) {
            return new RouteJson(route.route().stages().stream().map(StageJson::of).toList(), route.version(), route.configured());
        }
    }

    @Serdeable
    public record VoteJson(String party, int inFavour, int against, int abstained) {
    }

    @Serdeable
    public record CorrectionJson(UUID id, String reason, String protocolText, List<String> present, List<VoteJson> votes,
                                 String correctedBy, Instant correctedAt) {
    }

    @Serdeable
    public record DecisionJson(UUID id, ItemDecision.Outcome outcome, boolean followedRecommendation, String protocolText,
                               List<String> present, List<VoteJson> votes, List<String> amendments,
                               @Nullable UUID postponedTo, String decidedBy, Instant decidedAt, List<CorrectionJson> corrections) {
    }

    @Serdeable
    public record ItemJson(UUID id, int position, AgendaItem.Kind kind, String title, @Nullable String caseText,
                           @Nullable String recommendation, boolean late, AgendaItem.Status status, @Nullable UUID planId,
                           @Nullable Integer revision, @Nullable UUID reportId, @Nullable LocalDate postponedFrom,
                           @Nullable DecisionJson decision) {
    }

    @Serdeable
    public record MeetingJson(UUID id, UUID committeeId, String committee, LocalDate date, @Nullable LocalTime time,
                              @Nullable String place, LocalDate submissionDeadline, Meeting.Status status, long version,
                              List<ItemJson> agenda) {
        public static MeetingJson of(Meetings.MeetingView view) {
            Meeting m = view.meeting();
            return new MeetingJson(m.id(), m.committeeId(), view.committee().name(), m.date(), m.time(), m.place(),
                    m.submissionDeadline(), m.status(), m.version(), m.items().stream().map(i -> item(i, view)).toList());
        }
    }

    static ItemJson item(AgendaItem i, Meetings.MeetingView view) {
        return new ItemJson(i.id(), i.position(), i.kind(), i.title(), i.caseText(), i.recommendation(), i.late(), i.status(),
                i.planId(), i.planId() == null ? null : i.revision(), i.reportId(), i.postponedFromDate(),
                i.decision() == null ? null : decision(i.decision(), view));
    }

    static DecisionJson decision(ItemDecision d, Meetings.MeetingView view) {
        return new DecisionJson(d.id(), d.outcome(), d.followedRecommendation(), d.protocolText(), names(d.present()),
                votes(d.votes()), view == null ? List.of() : view.amendmentTexts().getOrDefault(d.id(), List.of()),
                d.postponedTo(), d.decidedBy(), d.decidedAt(), view == null ? List.of()
                : view.corrections().getOrDefault(d.id(), List.of()).stream().map(ApprovalJson::correction).toList());
    }

    static CorrectionJson correction(ItemDecision.Correction c) {
        return new CorrectionJson(c.id(), c.reason(), c.protocolText(), names(c.present()), votes(c.votes()), c.correctedBy(),
                c.correctedAt());
    }

    static List<String> names(List<Committee.Member> members) {
        return members.stream().map(Committee.Member::name).toList();
    }

    static List<VoteJson> votes(List<ItemDecision.PartyVote> votes) {
        return votes.stream().map(v -> new VoteJson(v.party(), v.inFavour(), v.against(), v.abstained())).toList();
    }
}
