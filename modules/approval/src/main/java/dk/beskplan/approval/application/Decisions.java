package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.Amendments;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.approval.DecisionCorrected;
import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.contracts.approval.StatusReportNoted;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.Refusals;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The committee's decisions on agenda items and their corrections. A decision on a plan moves the plan along its
 * approval route and tells the other modules; the approved version is produced here, exactly: the submitted document
 * with the amendments applied.
 */
@Singleton
public class Decisions {
    private final MeetingRepository meetings;
    private final CommitteeRepository committees;
    private final SubmissionRepository submissions;
    private final MeetingDocuments documents;
    private final Outbox outbox;
    private final Clock clock;
    private final DecisionMail mail;

    Decisions(MeetingRepository meetings, CommitteeRepository committees, SubmissionRepository submissions,
              MeetingDocuments documents, Outbox outbox, Clock clock, DecisionMail mail) {
        this.meetings = meetings;
        this.committees = committees;
        this.submissions = submissions;
        this.documents = documents;
        this.outbox = outbox;
        this.clock = clock;
        this.mail = mail;
    }

    /** The same use cases dated {@code moment}, for the demo's history (see {@link Meetings#asOf}). */
    public Decisions asOf(Instant moment) {
        return new Decisions(meetings, committees, submissions, documents, outbox, Clock.fixed(moment, Meetings.DANISH_TIME),
                mail);
    }

    /**
     * Records the committee's decision on an item. For a plan: amendments are applied to the text the committee was
     * given, the plan moves along its route, and drafting, follow-up and the archive hear of it; the official who
     * submitted the plan gets an e-mail. For a status report: noted. A postponed item moves to the later meeting.
     */
    @Transactional
    public ItemDecision decide(UUID meetingId, UUID itemId, ItemDecision.Input input, @Nullable Integer expectedRevision,
                               CurrentUser user) {
        Meeting meeting = meetings.load(meetingId, user.municipality());
        Committee committee = committees.load(meeting.committeeId(), user.municipality());
        AgendaItem item = meeting.item(itemId).orElseThrow(() -> new NotFound("Punktet findes ikke på dette møde"));
        input = item.completed(input).orElseRefuse(Refusals::of);
        if (expectedRevision != null && item.planId() != null && item.revision() != expectedRevision) {
            throw new Conflict("Forvaltningen har indsendt en ny revision (" + item.revision() + ") af planen, efter at siden blev"
                    + " hentet. Læs den nye revision, før beslutningen registreres.");
        }
        Meeting later = null;
        LocalDate laterDate = null;
        if (input.outcome() == ItemDecision.Outcome.POSTPONED && input.postponedTo() != null) {
            later = meetings.find(input.postponedTo(), user.municipality())
                    .orElseThrow(() -> InvalidInput.field("postponedTo", "mødet findes ikke"));
            if (!later.committeeId().equals(meeting.committeeId())) {
                throw InvalidInput.field("postponedTo", "et punkt kan kun udsættes til et møde i samme udvalg");
            }
            laterDate = later.date();
        }
        ItemDecision.Input checked = new ItemDecision.Input(input.outcome(), input.followedRecommendation(),
                input.protocolText(), input.present(), input.votes(), input.amendments(), input.postponedTo(), laterDate);
        meeting.beganBy(java.time.LocalDateTime.now(clock.withZone(Meetings.DANISH_TIME))).orElseRefuse(Refusals::of);
        ItemDecision decision = meeting.decide(itemId, checked, committee, today(), user.username(), clock.instant())
                .orElseRefuse(Refusals::of);
        meetings.save(meeting, user.username(), clock.instant());
        if (later != null) {
            // Whatever the later meeting refuses, the input at fault is the choice of that meeting.
            later.place(item.elsewhere(meeting.id(), meeting.date()), today())
                    .orElseThrow(reason -> InvalidInput.field("postponedTo", reason));
            meetings.save(later, user.username(), clock.instant());
        }
        switch (item.kind()) {
            case PLAN -> decidePlan(meeting, committee, item, decision, user);
            case STATUS_REPORT -> {
                if (decision.outcome() == ItemDecision.Outcome.NOTED) {
                    SubmissionRepository.StatusReport report = submissions.report(item.reportId(), user.municipality()).orElseThrow();
                    submissions.reportStatus(report.reportId(), "NOTED");
                    meetings.insertDecision(meeting.id(), item, decision, meeting.date(), true, List.of());
                    outbox.append(ApprovalModule.MODULE, new StatusReportNoted(report.reportId(), report.planId(), meeting.id(),
                                    committee.name(), meeting.date(), decision.protocolText()),
                            MessageContext.byUser(user.username(), user.municipality(), report.planId()));
                } else {
                    meetings.insertDecision(meeting.id(), item, decision, meeting.date(), false, List.of());
                }
            }
            case FREE -> meetings.insertDecision(meeting.id(), item, decision, meeting.date(), true, List.of());
        }
        return decision;
    }

    private void decidePlan(Meeting meeting, Committee committee, AgendaItem item, ItemDecision decision, CurrentUser user) {
        SubmissionRepository.Row row = submissions.find(item.planId(), item.revision(), user.municipality()).orElseThrow();
        Submission submission = row.submission();
        boolean finalStage = !submission.recommendsOnly();
        PlanDocument document = row.documentNow();
        List<Amendment> amendments = new ArrayList<>(row.amendments());
        List<String> described = new ArrayList<>();
        if (!decision.amendments().isEmpty()) {
            if (document == null) {
                throw InvalidInput.field("amendments", "planen blev indsendt uden dokument og kan ikke ændres her");
            }
            PlanDocument before = document;
            document = Amendments.apply(before, decision.amendments())
                    .orElseThrow(reason -> InvalidInput.field("amendments", reason));
            decision.amendments().forEach(a -> described.add(Amendments.describe(before, a)));
            amendments.addAll(decision.amendments());
        }
        Submission.Step step = submission.decided(decision.outcome()).orElseRefuse(Refusals::of);
        if (submission.status() == Submission.Status.IN_HEARING) {
            ApprovalRoute.Hearing hearing = (ApprovalRoute.Hearing) submission.route().stage(submission.stage());
            submissions.askHearing(submission.planId(), submission.revision(), submission.stage(), hearing.body(), today(),
                    submission.hearingDeadline(today()));
        }
        submissions.update(submission, amendments.isEmpty() ? row.currentDocument() : document, amendments,
                submission.status() == Submission.Status.IN_HEARING ? today() : row.hearingAsked());
        meetings.insertDecision(meeting.id(), item, decision, meeting.date(), finalStage, described);

        // Amendments made at any stage make the final text differ from the submitted one.
        boolean amendedSoFar = !amendments.isEmpty();
        PlanDecisionRecorded.Decision outcome = switch (decision.outcome()) {
            case APPROVED, APPROVED_WITH_AMENDMENTS -> amendedSoFar
                    ? PlanDecisionRecorded.Decision.APPROVED_WITH_AMENDMENTS : PlanDecisionRecorded.Decision.APPROVED;
            case RETURNED -> PlanDecisionRecorded.Decision.RETURNED;
            case REJECTED -> PlanDecisionRecorded.Decision.REJECTED;
            case POSTPONED, NOTED -> PlanDecisionRecorded.Decision.POSTPONED;
        };
        List<String> allAmendments = amendedSoFar ? amendments.stream()
                .map(a -> Amendments.describe(row.submittedDocument(), a)).toList() : null;
        PlanDecisionRecorded message = new PlanDecisionRecorded(submission.planId(), decision.id(), outcome, meeting.date(),
                submission.revision(), row.contentHash(), row.title(), row.fromYear(), row.toYear(), decision.protocolText(),
                allAmendments, outcome == PlanDecisionRecorded.Decision.APPROVED_WITH_AMENDMENTS ? document : null,
                meeting.id(), committee.name(), finalStage);
        outbox.append(ApprovalModule.MODULE, message,
                MessageContext.byUser(user.username(), user.municipality(), submission.planId()));
        mail.tellTheSubmitter(row, message, step, described);
    }

    /** Fixes how a decision was written down (never its outcome); a closed meeting's protocol is published again. */
    @Transactional
    public ItemDecision.Correction correct(UUID meetingId, UUID itemId, String reason, String protocolText, List<String> present,
                                           List<ItemDecision.PartyVote> votes, CurrentUser user) {
        Meeting meeting = meetings.load(meetingId, user.municipality());
        Committee committee = committees.load(meeting.committeeId(), user.municipality());
        ItemDecision.Correction correction = meeting.correct(itemId, reason, protocolText, present, votes, committee,
                        user.username(), clock.instant())
                .orElseRefuse(Refusals::of);
        meetings.insertCorrection(correction);
        AgendaItem item = meeting.item(itemId).orElseThrow();
        outbox.append(ApprovalModule.MODULE, new DecisionCorrected(correction.id(), correction.decisionId(), item.planId(),
                meeting.id(), correction.reason(), correction.protocolText()),
                MessageContext.byUser(user.username(), user.municipality(), item.planId()));
        if (meeting.status() == Meeting.Status.CLOSED) {
            documents.publishProtocol(meeting, committee, user);
        }
        return correction;
    }

    private LocalDate today() {
        return Meetings.today(clock);
    }
}
