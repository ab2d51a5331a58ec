package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.approval.PlanPlacedOnAgenda;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.Refusals;
import dk.beskplan.platform.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What stands on a meeting's agenda: plans from the in-box, status reports and the secretary's own items placed on
 * it, their order and texts, and items moved to another meeting or taken off.
 */
@Singleton
public class Agendas {
    private final MeetingRepository meetings;
    private final CommitteeRepository committees;
    private final SubmissionRepository submissions;
    private final Meetings views;
    private final Outbox outbox;
    private final Clock clock;

    Agendas(MeetingRepository meetings, CommitteeRepository committees, SubmissionRepository submissions, Meetings views,
            Outbox outbox, Clock clock) {
        this.meetings = meetings;
        this.committees = committees;
        this.submissions = submissions;
        this.views = views;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The same use cases dated {@code moment}, for the demo's history (see {@link Meetings#asOf}). */
    public Agendas asOf(Instant moment) {
        return new Agendas(meetings, committees, submissions, views, outbox, Clock.fixed(moment, Meetings.DANISH_TIME));
    }

    /** Puts a plan from the in-box on the agenda, with case presentation and recommendation written for it. */
    @Transactional
    public AgendaItem placePlan(UUID meetingId, UUID planId, @Nullable String caseText, @Nullable String recommendation,
                                CurrentUser user) {
        Meeting meeting = meetings.load(meetingId, user.municipality());
        Committee committee = committees.load(meeting.committeeId(), user.municipality());
        SubmissionRepository.Row row = submissions.latest(planId, user.municipality())
                .orElseThrow(() -> InvalidInput.field("planId", "der er ingen indsendt plan med dette id"));
        Submission submission = row.submission();
        if (submission.awaitsRoute()) {
            RouteView route = committees.route(user.municipality());
            if (!route.configured()) {
                throw InvalidInput.field("route", Committees.ROUTE_UNSET);
            }
            submission.adopt(route.route()).orElseRefuse(Refusals::of);
        }
        submission.placeOnAgendaOf(committee.id()).orElseRefuse(Refusals::of);
        AgendaItem item = meeting.place(new AgendaItem.Proposal(AgendaItem.Kind.PLAN, row.title(),
                        caseText != null && !caseText.isBlank() ? caseText : CaseTexts.casePresentation(row, committee,
                                submissions.hearings(planId, row.submission().revision())),
                        recommendation != null && !recommendation.isBlank() ? recommendation
                                : CaseTexts.recommendation(row, committee, submission.recommendsOnly()),
                        planId, submission.revision(), null, null, null), today())
                .orElseRefuse(Refusals::of);
        meetings.save(meeting, user.username(), clock.instant());
        submissions.update(submission, row.currentDocument(), row.amendments(), row.hearingAsked());
        outbox.append(ApprovalModule.MODULE, new PlanPlacedOnAgenda(planId, submission.revision(), meeting.id(),
                committee.name(), meeting.date(), item.late(), today()), MessageContext.byUser(user.username(), user.municipality(), planId));
        return item;
    }

    /** Puts a status report from follow-up on the agenda, to be noted. */
    @Transactional
    public AgendaItem placeReport(UUID meetingId, UUID reportId, CurrentUser user) {
        Meeting meeting = meetings.load(meetingId, user.municipality());
        SubmissionRepository.StatusReport report = submissions.report(reportId, user.municipality())
                .orElseThrow(() -> InvalidInput.field("reportId", "der er ingen statusrapport med dette id"));
        if (!report.status().equals("AWAITING_AGENDA")) {
            throw new Conflict("Statusrapporten er allerede på en dagsorden eller taget til efterretning");
        }
        AgendaItem item = meeting.place(new AgendaItem.Proposal(AgendaItem.Kind.STATUS_REPORT,
                "Status på " + report.planTitle() + " (" + report.roundLabel() + ")", CaseTexts.reportCase(report),
                "Forvaltningen indstiller, at udvalget tager status til efterretning.", null, null, reportId, null, null),
                today()).orElseRefuse(Refusals::of);
        meetings.save(meeting, user.username(), clock.instant());
        submissions.reportStatus(reportId, "ON_AGENDA");
        return item;
    }

    /** Puts an item of the secretary's own on the agenda (orientation, other business). */
    @Transactional
    public AgendaItem placeFree(UUID meetingId, String title, @Nullable String caseText, @Nullable String recommendation,
                                CurrentUser user) {
        if (title == null || title.isBlank()) {
            throw InvalidInput.field("title", "skal udfyldes");
        }
        TextRules.requireSingleLine(title, "title");
        Meeting meeting = meetings.load(meetingId, user.municipality());
        AgendaItem item = meeting.place(new AgendaItem.Proposal(AgendaItem.Kind.FREE, title, caseText, recommendation, null,
                null, null, null, null), today()).orElseRefuse(Refusals::of);
        meetings.save(meeting, user.username(), clock.instant());
        return item;
    }

    @Transactional
    public Meetings.MeetingView reorder(UUID meetingId, UUID itemId, int position, @Nullable Long expectedVersion,
                                        CurrentUser user) {
        Meeting meeting = meetings.load(meetingId, user.municipality(), expectedVersion);
        meeting.reorder(itemId, position).orElseRefuse(Refusals::of);
        meetings.save(meeting, user.username(), clock.instant());
        return views.get(meetingId, user);
    }

    @Transactional
    public Meetings.MeetingView rewrite(UUID meetingId, UUID itemId, String title, @Nullable String caseText,
                                        @Nullable String recommendation, @Nullable Long expectedVersion, CurrentUser user) {
        TextRules.requireSingleLine(title, "title");
        Meeting meeting = meetings.load(meetingId, user.municipality(), expectedVersion);
        meeting.rewrite(itemId, title, caseText, recommendation).orElseRefuse(Refusals::of);
        meetings.save(meeting, user.username(), clock.instant());
        return views.get(meetingId, user);
    }

    /**
     * Moves an undecided item to another planned meeting of the same committee, or (target null) takes it off the
     * agenda: a plan goes back to the in-box, a status report to the list of reports waiting.
     */
    @Transactional
    public Meetings.MeetingView move(UUID meetingId, UUID itemId, @Nullable UUID targetMeetingId, @Nullable Long expectedVersion,
                                     CurrentUser user) {
        Meeting meeting = meetings.load(meetingId, user.municipality(), expectedVersion);
        AgendaItem item = meeting.takeOff(itemId).orElseRefuse(Refusals::of);
        meetings.save(meeting, user.username(), clock.instant());
        meetings.deleteItem(item.id());
        if (targetMeetingId == null) {
            if (item.planId() != null) {
                SubmissionRepository.Row row = submissions.find(item.planId(), item.revision(), user.municipality()).orElseThrow();
                row.submission().takenOffAgenda().orElseRefuse(Refusals::of);
                submissions.update(row.submission(), row.currentDocument(), row.amendments(), row.hearingAsked());
            } else if (item.reportId() != null) {
                submissions.reportStatus(item.reportId(), "AWAITING_AGENDA");
            }
            return views.get(meetingId, user);
        }
        Meeting target = meetings.load(targetMeetingId, user.municipality());
        if (!target.committeeId().equals(meeting.committeeId())) {
            throw InvalidInput.field("targetMeetingId", "punktet kan kun flyttes til et andet møde i samme udvalg");
        }
        // Whatever the target meeting refuses, the input at fault is the choice of that meeting.
        target.place(item.elsewhere(item.postponedFrom(), item.postponedFromDate()), today())
                .orElseThrow(reason -> InvalidInput.field("targetMeetingId", reason));
        meetings.save(target, user.username(), clock.instant());
        return views.get(meetingId, user);
    }

    private LocalDate today() {
        return Meetings.today(clock);
    }
}
