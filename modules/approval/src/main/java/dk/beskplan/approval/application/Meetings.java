package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.Amendments;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.CanonicalJson;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.approval.DecisionCorrected;
import dk.beskplan.contracts.approval.MeetingProtocolPublished;
import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.contracts.approval.PlanPlacedOnAgenda;
import dk.beskplan.contracts.approval.StatusReportNoted;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Meetings, their agendas and the decisions recorded at them. A decision on a plan moves the plan along its approval
 * route and tells the other modules; the approved version is produced here, exactly: the submitted document with
 * the amendments applied.
 */
@Singleton
public class Meetings {
    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final MeetingRepository meetings;
    private final CommitteeRepository committees;
    private final SubmissionRepository submissions;
    private final Outbox outbox;
    private final Clock clock;
    private final JsonColumns json;
    private final DecisionMail mail;
    private final MeetingDocuments documents;

    Meetings(MeetingRepository meetings, CommitteeRepository committees, SubmissionRepository submissions, Outbox outbox,
             Clock clock, JsonColumns json, DecisionMail mail, MeetingDocuments documents) {
        this.meetings = meetings;
        this.committees = committees;
        this.submissions = submissions;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
        this.mail = mail;
        this.documents = documents;
    }

    /**
     * The same service with its calendar set to a past moment: the demo records its history (meetings held in 2022
     * and 2024) as if on those days. Never used by requests.
     */
    public Meetings asOf(java.time.Instant moment) {
        return new Meetings(meetings, committees, submissions, outbox, Clock.fixed(moment, DANISH_TIME), json, mail, documents);
    }

    /** A meeting with its committee and the corrections of its decisions: what the pages and documents show. */
    public record MeetingView(Meeting meeting, Committee committee, Map<UUID, List<ItemDecision.Correction>> corrections,
                              Map<UUID, List<String>> amendmentTexts) {
    }

    /** A meeting as the lists show it. */
    @io.micronaut.serde.annotation.Serdeable
    public record MeetingSummary(UUID id, String committee, LocalDate date, @Nullable LocalTime time, @Nullable String place,
                                 LocalDate submissionDeadline, Meeting.Status status, int items) {
    }

    @Transactional
    public List<MeetingSummary> list(CurrentUser user) {
        Map<UUID, String> names = committeeNames(user);
        return meetings.list(user.municipality(), null).stream().map(r -> summary(r.meeting(), names, r.items())).toList();
    }

    /** Planned meetings from today on, soonest first: where a plan or report can be placed. */
    @Transactional
    public List<MeetingSummary> upcoming(CurrentUser user) {
        Map<UUID, String> names = committeeNames(user);
        List<MeetingSummary> list = new ArrayList<>(meetings.list(user.municipality(), today()).stream()
                .filter(r -> r.meeting().status() == Meeting.Status.PLANNED)
                .map(r -> summary(r.meeting(), names, r.items())).toList());
        java.util.Collections.reverse(list);
        return list;
    }

    @Transactional
    public MeetingView get(UUID id, CurrentUser user) {
        Meeting meeting = load(id, user);
        return new MeetingView(meeting, committee(meeting.committeeId(), user), meetings.corrections(id),
                meetings.amendmentTexts(id));
    }

    /** The municipality's closed meetings, newest first: their decision protocols are public (no login). */
    @Transactional
    public List<MeetingSummary> closedMeetings(String municipality) {
        Map<UUID, String> names = committeeNames(municipality);
        return meetings.list(municipality, null).stream().filter(r -> r.meeting().status() == Meeting.Status.CLOSED)
                .map(r -> summary(r.meeting(), names, r.items())).toList();
    }

    /** A closed meeting, for its public decision protocol; a meeting not yet closed is not public and answers 404. */
    @Transactional
    public MeetingView closedMeeting(UUID id, String municipality) {
        Meeting meeting = meetings.find(id, municipality).filter(m -> m.status() == Meeting.Status.CLOSED)
                .orElseThrow(() -> new NotFound("Mødets beslutningsprotokol er ikke offentliggjort"));
        Committee committee = committees.find(meeting.committeeId(), municipality).orElseThrow(() -> new NotFound("Udvalget findes ikke"));
        return new MeetingView(meeting, committee, meetings.corrections(id), meetings.amendmentTexts(id));
    }

    @Transactional
    public MeetingView create(UUID committeeId, LocalDate date, @Nullable LocalTime time, @Nullable String place,
                              @Nullable LocalDate submissionDeadline, CurrentUser user) {
        if (committeeId == null) {
            throw InvalidInput.field("committeeId", "vælg udvalget");
        }
        if (date == null) {
            throw InvalidInput.field("date", "skal være en dato som 2026-12-10");
        }
        Committee committee = committees.find(committeeId, user.municipality())
                .orElseThrow(() -> InvalidInput.field("committeeId", "udvalget findes ikke"));
        Meeting meeting = Meeting.plan(committee.id(), user.municipality(), date, time, place, submissionDeadline)
                .orElseThrow(reason -> InvalidInput.field("submissionDeadline", reason));
        meetings.insert(meeting, user.username(), clock.instant());
        return get(meeting.id(), user);
    }

    /** Puts a plan from the in-box on the agenda, with case presentation and recommendation written for it. */
    @Transactional
    public AgendaItem placePlan(UUID meetingId, UUID planId, @Nullable String caseText, @Nullable String recommendation,
                                CurrentUser user) {
        Meeting meeting = load(meetingId, user);
        Committee committee = committee(meeting.committeeId(), user);
        SubmissionRepository.Row row = submissions.latest(planId, user.municipality())
                .orElseThrow(() -> InvalidInput.field("planId", "der er ingen indsendt plan med dette id"));
        Submission submission = row.submission();
        if (submission.awaitsRoute()) {
            RouteView route = committees.route(user.municipality());
            if (!route.configured()) {
                throw InvalidInput.field("route", Committees.ROUTE_UNSET);
            }
            submission.adopt(route.route()).orElseThrow(Conflict::new);
        }
        submission.placeOnAgendaOf(committee.id()).orElseThrow(Conflict::new);
        AgendaItem item = meeting.place(new AgendaItem.Proposal(AgendaItem.Kind.PLAN, row.title(),
                        caseText != null && !caseText.isBlank() ? caseText : CaseTexts.casePresentation(row, committee,
                                submissions.hearings(planId, row.submission().revision())),
                        recommendation != null && !recommendation.isBlank() ? recommendation
                                : CaseTexts.recommendation(row, committee, submission.recommendsOnly()),
                        planId, submission.revision(), null, null, null), today())
                .orElseThrow(Conflict::new);
        meetings.save(meeting, user.username(), clock.instant());
        submissions.update(submission, row.currentDocument(), row.amendments(), row.hearingAsked());
        outbox.append(ApprovalModule.MODULE, new PlanPlacedOnAgenda(planId, submission.revision(), meeting.id(),
                committee.name(), meeting.date(), item.late(), today()), MessageContext.byUser(user.username(), user.municipality(), planId));
        return item;
    }

    /** Puts a status report from follow-up on the agenda, to be noted. */
    @Transactional
    public AgendaItem placeReport(UUID meetingId, UUID reportId, CurrentUser user) {
        Meeting meeting = load(meetingId, user);
        SubmissionRepository.StatusReport report = submissions.report(reportId, user.municipality())
                .orElseThrow(() -> InvalidInput.field("reportId", "der er ingen statusrapport med dette id"));
        if (!report.status().equals("AWAITING_AGENDA")) {
            throw new Conflict("Statusrapporten er allerede på en dagsorden eller taget til efterretning");
        }
        AgendaItem item = meeting.place(new AgendaItem.Proposal(AgendaItem.Kind.STATUS_REPORT,
                "Status på " + report.planTitle() + " (" + report.roundLabel() + ")", CaseTexts.reportCase(report),
                "Forvaltningen indstiller, at udvalget tager status til efterretning.", null, null, reportId, null, null),
                today()).orElseThrow(Conflict::new);
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
        Meeting meeting = load(meetingId, user);
        AgendaItem item = meeting.place(new AgendaItem.Proposal(AgendaItem.Kind.FREE, title, caseText, recommendation, null,
                null, null, null, null), today()).orElseThrow(Conflict::new);
        meetings.save(meeting, user.username(), clock.instant());
        return item;
    }

    @Transactional
    public MeetingView reorder(UUID meetingId, UUID itemId, int position, @Nullable Long expectedVersion, CurrentUser user) {
        Meeting meeting = load(meetingId, user);
        checkVersion(meeting, expectedVersion);
        meeting.reorder(itemId, position).orElseThrow(reason -> InvalidInput.field("position", reason));
        meetings.save(meeting, user.username(), clock.instant());
        return get(meetingId, user);
    }

    @Transactional
    public MeetingView rewrite(UUID meetingId, UUID itemId, String title, @Nullable String caseText,
                               @Nullable String recommendation, @Nullable Long expectedVersion, CurrentUser user) {
        TextRules.requireSingleLine(title, "title");
        Meeting meeting = load(meetingId, user);
        checkVersion(meeting, expectedVersion);
        meeting.rewrite(itemId, title, caseText, recommendation).orElseThrow(reason -> reason.contains("overskrift")
                ? InvalidInput.field("title", reason) : new Conflict(reason));
        meetings.save(meeting, user.username(), clock.instant());
        return get(meetingId, user);
    }

    /**
     * Moves an undecided item to another planned meeting of the same committee, or (target null) takes it off the
     * agenda: a plan goes back to the in-box, a status report to the list of reports waiting.
     */
    @Transactional
    public MeetingView move(UUID meetingId, UUID itemId, @Nullable UUID targetMeetingId, @Nullable Long expectedVersion,
                            CurrentUser user) {
        Meeting meeting = load(meetingId, user);
        checkVersion(meeting, expectedVersion);
        AgendaItem item = meeting.takeOff(itemId).orElseThrow(Conflict::new);
        meetings.save(meeting, user.username(), clock.instant());
        meetings.deleteItem(item.id());
        if (targetMeetingId == null) {
            if (item.planId() != null) {
                SubmissionRepository.Row row = submissions.find(item.planId(), item.revision(), user.municipality()).orElseThrow();
                row.submission().takenOffAgenda().orElseThrow(Conflict::new);
                submissions.update(row.submission(), row.currentDocument(), row.amendments(), row.hearingAsked());
            } else if (item.reportId() != null) {
                submissions.reportStatus(item.reportId(), "AWAITING_AGENDA");
            }
            return get(meetingId, user);
        }
        Meeting target = load(targetMeetingId, user);
        if (!target.committeeId().equals(meeting.committeeId())) {
            throw InvalidInput.field("targetMeetingId", "punktet kan kun flyttes til et andet møde i samme udvalg");
        }
        target.place(new AgendaItem.Proposal(item.kind(), item.title(), item.caseText(), item.recommendation(), item.planId(),
                item.planId() == null ? null : item.revision(), item.reportId(), item.postponedFrom(), item.postponedFromDate()),
                today()).orElseThrow(reason -> InvalidInput.field("targetMeetingId", reason));
        meetings.save(target, user.username(), clock.instant());
        return get(meetingId, user);
    }

    /**
     * Records the committee's decision on an item. For a plan: amendments are applied to the text the committee was
     * given, the plan moves along its route, and drafting, follow-up and the archive hear of it; the official who
     * submitted the plan gets an e-mail. For a status report: noted. A postponed item moves to the later meeting.
     */
    @Transactional
    public ItemDecision decide(UUID meetingId, UUID itemId, ItemDecision.Input input, @Nullable Integer expectedRevision,
                               CurrentUser user) {
        Meeting meeting = load(meetingId, user);
        Committee committee = committee(meeting.committeeId(), user);
        AgendaItem item = meeting.item(itemId).orElseThrow(() -> new NotFound("Punktet findes ikke på dette møde"));
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
        ItemDecision decision = meeting.decide(itemId, checked, committee, today(), user.username(), clock.instant())
                .orElseThrow(reason -> decisionProblem(reason, item));
        meetings.save(meeting, user.username(), clock.instant());
        if (later != null) {
            later.place(new AgendaItem.Proposal(item.kind(), item.title(), item.caseText(), item.recommendation(), item.planId(),
                    item.planId() == null ? null : item.revision(), item.reportId(), meeting.id(), meeting.date()), today())
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
        Map<String, Object> document = row.documentNow();
        List<Amendment> amendments = new ArrayList<>(row.amendments());
        List<String> described = new ArrayList<>();
        if (!decision.amendments().isEmpty()) {
            if (document == null) {
                throw InvalidInput.field("amendments", "planen blev indsendt uden dokument og kan ikke ændres her");
            }
            Map<String, Object> before = document;
            document = Amendments.apply(before, decision.amendments())
                    .orElseThrow(reason -> InvalidInput.field("amendments", reason));
            decision.amendments().forEach(a -> described.add(Amendments.describe(before, a)));
            amendments.addAll(decision.amendments());
        }
        Submission.Step step = submission.decided(decision.outcome()).orElseThrow(Conflict::new);
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
        if (step.approvedFinally()) {
            Map<String, Object> approved = document;
            submissions.freezeApproved(submission.planId(), submission.revision(), decision.id(), json.write(approved),
                    approved == null ? row.contentHash() : CanonicalJson.hash(approved), clock.instant());
        }
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
        Meeting meeting = load(meetingId, user);
        Committee committee = committee(meeting.committeeId(), user);
        ItemDecision.Correction correction = meeting.correct(itemId, reason, protocolText, present, votes, committee,
                        user.username(), clock.instant())
                .orElseThrow(r -> r.startsWith("Skriv") ? InvalidInput.field("reason", r)
                        : r.contains("protokollen") ? InvalidInput.field("protocolText", r)
                        : r.contains("medlem") || r.contains("stemmer") ? InvalidInput.field("present", r) : new Conflict(r));
        meetings.insertCorrection(correction);
        AgendaItem item = meeting.item(itemId).orElseThrow();
        outbox.append(ApprovalModule.MODULE, new DecisionCorrected(correction.id(), correction.decisionId(), item.planId(),
                meeting.id(), correction.reason(), correction.protocolText()),
                MessageContext.byUser(user.username(), user.municipality(), item.planId()));
        if (meeting.status() == Meeting.Status.CLOSED) {
            publishProtocol(meeting, committee, user);
        }
        return correction;
    }

    /** Closes the meeting when every item is dealt with, and publishes its decision protocol. */
    @Transactional
    public MeetingView close(UUID meetingId, @Nullable Long expectedVersion, CurrentUser user) {
        Meeting meeting = load(meetingId, user);
        checkVersion(meeting, expectedVersion);
        meeting.close().orElseThrow(Conflict::new);
        meetings.save(meeting, user.username(), clock.instant());
        publishProtocol(meeting, committee(meeting.committeeId(), user), user);
        return get(meetingId, user);
    }

    private void publishProtocol(Meeting meeting, Committee committee, CurrentUser user) {
        String html = documents.html(new MeetingView(meeting, committee, meetings.corrections(meeting.id()),
                meetings.amendmentTexts(meeting.id())), true);
        List<UUID> plans = meeting.items().stream().map(AgendaItem::planId).filter(java.util.Objects::nonNull).distinct().toList();
        outbox.append(ApprovalModule.MODULE, new MeetingProtocolPublished(meeting.id(), committee.name(), meeting.date(), plans,
                        html, DecisionMail.sha256(html)),
                new MessageContext(user.municipality(), null, user.username(), null));
    }

    /** The domain's refusal as the API answers it: bad input named by its field (400), a state conflict (409). */
    private static RuntimeException decisionProblem(String reason, AgendaItem item) {
        if (reason.startsWith("Beslutningens tekst")) {
            return InvalidInput.field("protocolText", reason);
        }
        if (reason.contains("ikke beslutningsdygtigt") || reason.contains(" er ikke medlem af ")) {
            return InvalidInput.field("present", reason);
        }
        if (reason.startsWith("Hver stemmeafgivning") || reason.startsWith("Antal stemmer") || reason.startsWith("Der er afgivet")) {
            return InvalidInput.field("votes", reason);
        }
        if (reason.startsWith("Godkendt med ændringer kræver") || reason.startsWith("Ændringer kan kun")) {
            return InvalidInput.field("amendments", reason);
        }
        if (reason.startsWith("Vælg det møde") || reason.startsWith("Et punkt kan kun udsættes")) {
            return InvalidInput.field("postponedTo", reason);
        }
        if (reason.startsWith("Vælg udvalgets") || reason.startsWith("Et punkt af denne slags")) {
            return InvalidInput.field("outcome", reason);
        }
        return new Conflict(reason);
    }

    private void checkVersion(Meeting meeting, @Nullable Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != meeting.version()) {
            throw new Conflict("Mødet er ændret af en anden i mellemtiden. Hent det igen og gentag din ændring.");
        }
    }

    private Meeting load(UUID id, CurrentUser user) {
        return meetings.find(id, user.municipality()).orElseThrow(() -> new NotFound("Mødet findes ikke"));
    }

    private Committee committee(UUID id, CurrentUser user) {
        return committees.find(id, user.municipality()).orElseThrow(() -> new NotFound("Udvalget findes ikke"));
    }

    private Map<UUID, String> committeeNames(CurrentUser user) {
        return committeeNames(user.municipality());
    }

    private Map<UUID, String> committeeNames(String municipality) {
        Map<UUID, String> names = new java.util.HashMap<>();
        committees.ofMunicipality(municipality).forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    private static MeetingSummary summary(Meeting m, Map<UUID, String> names, int items) {
        return new MeetingSummary(m.id(), names.get(m.committeeId()), m.date(), m.time(), m.place(), m.submissionDeadline(),
                m.status(), items);
    }

    /** The protocol text when the committee followed the recommendation and the secretary wrote nothing else. */
    public static String followedText(AgendaItem item) {
        return switch (item.kind()) {
            case STATUS_REPORT -> "Status blev taget til efterretning.";
            case PLAN, FREE -> "Indstillingen blev godkendt.";
        };
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(DANISH_TIME));
    }
}
