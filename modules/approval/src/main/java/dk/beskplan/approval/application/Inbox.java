package dk.beskplan.approval.application;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.approval.HearingAnswerRecorded;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.text.DanishFormats;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The secretary's in-box: submitted plans waiting to be placed on an agenda (and the body whose turn it is),
 * plans out for hearing, and status reports from follow-up waiting to be noted.
 */
@Singleton
public class Inbox {

    /**
     * A submitted plan as the in-box lists it; {@code committeeName} the committee the plan names (null: none),
     * {@code decidingBody} the committee whose turn it is.
     */
    @Serdeable
    public record PlanWaiting(UUID planId, int revision, String title, int fromYear, int toYear, @Nullable String committeeName,
                              String contentHash, String submittedBy, Instant submittedAt, String status,
                              @Nullable String decidingBody, @Nullable UUID decidingCommitteeId, boolean amended) {
    }

    /** A plan out for hearing. */
    @Serdeable
    public record PlanInHearing(UUID planId, int revision, String title, String body, LocalDate askedOn, LocalDate deadline) {
    }

    /** A status report waiting to be placed on an agenda. */
    @Serdeable
    public record ReportWaiting(UUID reportId, UUID planId, String planTitle, String roundLabel, LocalDate dueDate,
                                String submittedBy, Instant receivedAt) {
    }

    /** Everything waiting for the secretary. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // an empty in-box is three empty lists, not a missing field
    public record Contents(List<PlanWaiting> plans, List<PlanInHearing> hearings, List<ReportWaiting> statusReports) {
    }

    private final SubmissionRepository submissions;
    private final CommitteeRepository committees;
    private final Outbox outbox;
    private final Clock clock;

    Inbox(SubmissionRepository submissions, CommitteeRepository committees, Outbox outbox, Clock clock) {
        this.submissions = submissions;
        this.committees = committees;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Contents contents(CurrentUser user) {
        Map<UUID, String> names = new HashMap<>();
        committees.ofMunicipality(user.municipality()).forEach(c -> names.put(c.id(), c.name()));
        // A plan that arrived before the route was set takes the route when it is placed: its turn is the route's first.
        RouteView route = committees.route(user.municipality());
        UUID firstDecision = route.configured() && route.route().stage(0) instanceof ApprovalRoute.Decision first
                ? first.committeeId() : null;
        List<PlanWaiting> plans = submissions.withStatus(user.municipality(), Submission.Status.AWAITING_AGENDA).stream()
                .map(r -> {
                    UUID committee = r.submission().awaitsRoute() ? firstDecision
                            : r.submission().route().stage(r.submission().stage()) instanceof ApprovalRoute.Decision d
                            ? d.committeeId() : null;
                    return new PlanWaiting(r.submission().planId(), r.submission().revision(), r.title(), r.fromYear(),
                            r.toYear(), r.committeeName(), r.contentHash(), r.submittedBy(), r.submittedAt(),
                            r.submission().status().name(), committee == null ? null : names.get(committee), committee,
                            !r.amendments().isEmpty());
                }).toList();
        List<PlanInHearing> hearings = submissions.withStatus(user.municipality(), Submission.Status.IN_HEARING).stream()
                .map(r -> {
                    SubmissionRepository.Hearing h = submissions.hearings(r.submission().planId(), r.submission().revision())
                            .stream().filter(x -> x.stage() == r.submission().stage()).findFirst().orElseThrow();
                    return new PlanInHearing(r.submission().planId(), r.submission().revision(), r.title(), h.body(),
                            h.askedOn(), h.deadline());
                }).toList();
        List<ReportWaiting> reports = submissions.reports(user.municipality(), "AWAITING_AGENDA").stream()
                .map(r -> new ReportWaiting(r.reportId(), r.planId(), r.planTitle(), r.roundLabel(), r.dueDate(),
                        r.submittedBy(), r.receivedAt())).toList();
        return new Contents(plans, hearings, reports);
    }

    /** The heard body's answer (null: the deadline passed without one); the plan moves on along its route. */
    @Transactional
    public void recordHearingAnswer(UUID planId, @Nullable String answer, @Nullable LocalDate answeredOn, CurrentUser user) {
        SubmissionRepository.Row row = submissions.latest(planId, user.municipality())
                .orElseThrow(() -> new NotFound("Der er ingen indsendt plan med dette id"));
        Submission submission = row.submission();
        if (submission.status() != Submission.Status.IN_HEARING) {
            throw new Conflict("Planen er ikke i høring");
        }
        SubmissionRepository.Hearing hearing = submissions.hearings(planId, submission.revision()).stream()
                .filter(h -> h.stage() == submission.stage()).findFirst().orElseThrow();
        LocalDate today = Meetings.today(clock);
        LocalDate on = answeredOn == null ? today : answeredOn;
        if (on.isAfter(today)) {
            throw InvalidInput.field("answeredOn", "kan ikke ligge i fremtiden");
        }
        if ((answer == null || answer.isBlank()) && !today.isAfter(hearing.deadline())) {
            throw InvalidInput.field("answer", "skal udfyldes, indtil høringsfristen " + DanishFormats.date(hearing.deadline())
                    + " er udløbet");
        }
        int heardAt = submission.stage();
        submission.hearingAnswered().orElseThrow(Conflict::new);
        String text = answer == null || answer.isBlank() ? null : answer.strip();
        submissions.answerHearing(planId, submission.revision(), heardAt, text, on, user.username());
        if (submission.status() == Submission.Status.IN_HEARING) {
            ApprovalRoute.Hearing next = (ApprovalRoute.Hearing) submission.route().stage(submission.stage());
            submissions.askHearing(planId, submission.revision(), submission.stage(), next.body(), today,
                    submission.hearingDeadline(today));
        }
        submissions.update(submission, row.currentDocument(), row.amendments(),
                submission.status() == Submission.Status.IN_HEARING ? today : row.hearingAsked());
        outbox.append(ApprovalModule.MODULE, new HearingAnswerRecorded(planId, submission.revision(), hearing.body(),
                hearing.deadline(), text, on), MessageContext.byUser(user.username(), user.municipality(), planId));
    }

    /** The plan document as the committee was given it (the agenda item's attachment); empty for v1 submissions. */
    @Transactional
    public Optional<PlanDocument> submittedDocument(UUID planId, int revision, CurrentUser user) {
        SubmissionRepository.Row row = submissions.find(planId, revision, user.municipality())
                .orElseThrow(() -> new NotFound("Der er ingen indsendt plan med dette id og denne revision"));
        return Optional.ofNullable(row.submittedDocument());
    }

    /** The text the next stage decides on: the submitted document with the amendments so far. */
    @Transactional
    public Optional<PlanDocument> currentDocument(UUID planId, int revision, CurrentUser user) {
        SubmissionRepository.Row row = submissions.find(planId, revision, user.municipality())
                .orElseThrow(() -> new NotFound("Der er ingen indsendt plan med dette id og denne revision"));
        return Optional.ofNullable(row.documentNow());
    }

    /** The status report as follow-up rendered it (the agenda item's attachment). */
    @Transactional
    public String reportHtml(UUID reportId, CurrentUser user) {
        SubmissionRepository.StatusReport report = submissions.report(reportId, user.municipality())
                .orElseThrow(() -> new NotFound("Statusrapporten findes ikke"));
        return report.reportHtml() != null ? report.reportHtml()
                : "<!DOCTYPE html><html lang=\"da\"><title>Status</title><p>Statusrapporten kom uden dokument.</p></html>";
    }

    /** Names of the municipality's committees by id (for pages). */
    @Transactional
    public List<Committee> committees(CurrentUser user) {
        return committees.ofMunicipality(user.municipality());
    }
}
