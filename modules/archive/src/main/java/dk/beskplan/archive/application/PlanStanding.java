package dk.beskplan.archive.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The plan as it stood at the end of a day, told by the archive alone: its state, the revision before the
 * committee (as submitted), the version in force (as approved), every decision made so far and every status
 * report sent, each with the document as it was.
 */
@Serdeable
public record PlanStanding(UUID planId, LocalDate date, boolean existed, @Nullable String title, @Nullable Integer fromYear,
                           @Nullable Integer toYear, String state, String stateText, @Nullable Integer submittedRevision,
                           @Nullable Archive.DocumentRef submittedDocument, @Nullable Integer approvedRevision,
                           @Nullable Archive.DocumentRef approvedDocument, List<Event> decisions, List<Event> statusReports,
                           List<Event> protocols, @Nullable Archive.TimelineEntry lastEvent, int events,
                           @Nullable String emptyBecause) {

    /**
     * A decision, status report or protocol in the standing: the day it happened, when it was recorded, what, and the
     * document, if any.
     */
    @Serdeable
    public record Event(long seq, LocalDate businessDate, Instant occurredAt, String what, String actor, @Nullable String remarks,
                        @Nullable Archive.DocumentRef document) {
    }

    /**
     * {@code first}: the plan's first event at all, when none happened on or before {@code date}, so that an empty day
     * can say why in a sentence ({@code emptyBecause}).
     */
    static PlanStanding of(UUID planId, LocalDate date, List<Archive.TimelineEntry> events, Map<Long, JsonNode> payloads,
                           @Nullable Archive.TimelineEntry first) {
        String title = null;
        Integer fromYear = null;
        Integer toYear = null;
        String state = "NONE";
        Integer submittedRevision = null;
        Archive.DocumentRef submitted = null;
        Integer approvedRevision = null;
        Archive.DocumentRef approved = null;
        List<Event> decisions = new ArrayList<>();
        List<Event> reports = new ArrayList<>();
        List<Event> protocols = new ArrayList<>();
        for (Archive.TimelineEntry e : events) {
            JsonNode p = payloads.get(e.seq());
            if (p != null && p.get("title") != null && p.get("title").isString()) {
                title = p.get("title").getStringValue();
            }
            if (p != null && p.get("fromYear") != null && p.get("fromYear").isNumber()) {
                fromYear = p.get("fromYear").getIntValue();
                toYear = p.get("toYear") != null && p.get("toYear").isNumber() ? p.get("toYear").getIntValue() : fromYear;
            }
            Archive.DocumentRef document = e.documents().isEmpty() ? null : e.documents().get(0);
            switch (e.type()) {
                case "drafting.plan-draft-created" -> state = "DRAFT";
                case "drafting.plan-withdrawn" -> state = "DRAFT";
                case "drafting.plan-submitted" -> {
                    state = "SUBMITTED";
                    submittedRevision = intOf(p, "revisionNumber");
                    submitted = document;
                }
                case "approval.plan-decision-recorded" -> {
                    String decision = ArchiveWording.text(p, "decision", "");
                    boolean last = p == null || p.get("finalDecision") == null || p.get("finalDecision").getBooleanValue();
                    if (last && (decision.equals("APPROVED") || decision.equals("APPROVED_WITH_AMENDMENTS"))
                            && approved == null) {
                        // Until drafting's approved version arrives: approved as submitted is the submitted text.
                        approvedRevision = intOf(p, "revisionNumber");
                        approved = decision.equals("APPROVED") ? submitted : null;
                    }
                    state = switch (decision) {
                        case "APPROVED", "APPROVED_WITH_AMENDMENTS" -> last ? "APPROVED" : "RECOMMENDED";
                        case "RETURNED" -> "RETURNED";
                        case "REJECTED" -> "REJECTED";
                        case "POSTPONED" -> "POSTPONED";
                        default -> state;
                    };
                    decisions.add(new Event(e.seq(), e.businessDate(), e.occurredAt(), e.what(), e.actor(), ArchiveWording.text(p, "remarks", null), null));
                }
                case "approval.decision-corrected" ->
                        decisions.add(new Event(e.seq(), e.businessDate(), e.occurredAt(), e.what(), e.actor(), ArchiveWording.text(p, "protocolText", null), null));
                case "drafting.plan-approved" -> {
                    state = "APPROVED";
                    approvedRevision = intOf(p, "approvedRevision");
                    approved = document;
                }
                case "approval.meeting-protocol-published" ->
                        protocols.add(new Event(e.seq(), e.businessDate(), e.occurredAt(), e.what(), e.actor(), null, document));
                case "followup.status-report-submitted" ->
                        reports.add(new Event(e.seq(), e.businessDate(), e.occurredAt(), e.what(), e.actor(), ArchiveWording.text(p, "summary", null), document));
                case "approval.status-report-noted" ->
                        reports.add(new Event(e.seq(), e.businessDate(), e.occurredAt(), e.what(), e.actor(), ArchiveWording.text(p, "remarks", null), null));
                default -> {
                    // other events do not change the standing
                }
            }
        }
        return new PlanStanding(planId, date, !events.isEmpty(), title, fromYear, toYear, state, stateText(state),
                submittedRevision, submitted, approvedRevision, approved, decisions, reports, protocols,
                events.isEmpty() ? null : events.get(events.size() - 1), events.size(), emptyBecause(date, events, first));
    }

    /** Why the plan has no history on the date, in a sentence; null when it has. */
    static String emptyBecause(LocalDate date, List<Archive.TimelineEntry> events, @Nullable Archive.TimelineEntry first) {
        if (!events.isEmpty()) {
            return null;
        }
        String day = ArchiveWording.danishDate(date.toString());
        if (first == null) {
            return "Arkivet har endnu ingen hændelser for planen.";
        }
        return "Planen fandtes ikke endnu den " + day + ": dens historik begynder den " + ArchiveWording.danishDate(first.businessDate().toString())
                + " (" + first.what().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + first.what().substring(1) + ").";
    }

    static String stateText(String state) {
        return switch (state) {
            case "NONE" -> "Planen fandtes ikke endnu";
            case "DRAFT" -> "Udkast";
            case "SUBMITTED" -> "Indsendt til godkendelse";
            case "RECOMMENDED" -> "Indstillet til godkendelse";
            case "POSTPONED" -> "Udsat";
            case "RETURNED" -> "Sendt tilbage til forvaltningen";
            case "REJECTED" -> "Forkastet";
            case "APPROVED" -> "Godkendt";
            default -> state;
        };
    }

    private static Integer intOf(JsonNode p, String field) {
        return p != null && p.get(field) != null && p.get(field).isNumber() ? p.get(field).getIntValue() : null;
    }
}
