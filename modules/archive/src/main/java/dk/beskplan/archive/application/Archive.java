package dk.beskplan.archive.application;

import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the archive: the plans it holds, a plan's timeline, the plan as it stood on a date, and the frozen documents
 * ({@link ArchiveSearch} searches them, {@link ArchiveWording} words the events). A user sees their own municipality
 * only; readers see published documents only (approved versions, meeting protocols, status reports) and no timelines.
 */
@Singleton
public class Archive {
    public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    /** A frozen document as the timeline links to it. */
    @Serdeable
    public record DocumentRef(long id, String kind, String kindName, String title, String mediaType, String sha256) {
    }

    /**
     * One event in a plan's history: {@code businessDate} is the day it happened (a meeting's date, the day figures were
     * measured on), {@code occurredAt} the time it was recorded.
     */
    @Serdeable
    public record TimelineEntry(long seq, UUID messageId, String type, String what, LocalDate businessDate, Instant occurredAt,
                                String actor, @Nullable UUID causationId, String recordHash, List<DocumentRef> documents) {
    }

    /** A plan the archive holds. */
    @Serdeable
    public record PlanSummary(UUID planId, String municipality, @Nullable String title, @Nullable Integer fromYear,
                              @Nullable Integer toYear, boolean published, long records, Instant lastEventAt,
                              @Nullable Long approvedDocumentId) {
    }

    /** A frozen document with its content. */
    @Serdeable
    public record ArchivedDocument(long id, long recordSeq, @Nullable UUID planId, String municipality, String kind,
                                   String kindName, String title, String mediaType, @Nullable String content, String sha256,
                                   @Nullable String declaredHash, Instant occurredAt, String actor, @Nullable byte[] pdf) {
        /** A PDF archived as bytes (drafting's frozen PDF), not as text. */
        public boolean isPdf() {
            return FrozenDocuments.PDF.equals(mediaType);
        }
    }

    /** A search hit: the document, its plan, and the matching passages (highlighted parts marked). */
    @Serdeable
    public record Hit(long documentId, String kind, String kindName, String title, @Nullable UUID planId,
                      String municipality, Instant occurredAt, List<Snippet> snippet) {
    }

    /** A piece of a passage; {@code match} when it is a searched word. */
    @Serdeable
    public record Snippet(String text, boolean match) {
    }

    private final HistoryRepository history;
    private final DocumentRepository documents;
    private final JsonMapper json;

    Archive(HistoryRepository history, DocumentRepository documents, JsonMapper json) {
        this.history = history;
        this.documents = documents;
        this.json = json;
    }

    // ---- plans -------------------------------------------------------------------------------------------

    @Transactional
    public List<PlanSummary> plans(CurrentUser user) {
        List<PlanSummary> plans = history.plans(user.municipality()).stream().map(p -> new PlanSummary(p.planId(), p.municipality(),
                p.title(), integer(p.fromYear()), integer(p.toYear()), p.published(), p.records(), p.lastEventAt(),
                p.approvedDocumentId())).toList();
        return user.hasRole(Roles.READER) ? plans.stream().filter(PlanSummary::published).toList() : plans;
    }

    /** The plan's municipality, checked against the user; 404 when the archive has no such plan for them. */
    @Transactional
    public String checkAccess(UUID planId, CurrentUser user) {
        String municipality = history.municipalityOf(planId).orElseThrow(() -> new NotFound("Planen findes ikke i arkivet"));
        if (!user.canSee(municipality)) {
            throw new NotFound("Planen findes ikke i arkivet");
        }
        if (user.hasRole(Roles.READER) && !history.published(planId)) {
            throw new NotFound("Planen findes ikke i arkivet");
        }
        return municipality;
    }

    // ---- timeline ----------------------------------------------------------------------------------------

    @Transactional
    public List<TimelineEntry> timeline(UUID planId, CurrentUser user) {
        checkAccess(planId, user);
        return entries(planId, null);
    }

    /**
     * The plan's records, and those linked to it (protocols), by the day they happened (then in the order recorded);
     * up to and including the day {@code until} when given.
     */
    List<TimelineEntry> entries(UUID planId, @Nullable LocalDate until) {
        List<HistoryRepository.Event> events = history.events(planId, until);
        Map<Long, List<DocumentRef>> refs = documents.ofRecords(events.stream().mapToLong(HistoryRepository.Event::seq).toArray());
        return events.stream().map(e -> entry(e, refs.getOrDefault(e.seq(), List.of()))).toList();
    }

    private TimelineEntry entry(HistoryRepository.Event e, List<DocumentRef> documents) {
        return new TimelineEntry(e.seq(), e.messageId(), e.type(), describe(e.type(), e.payload()), e.businessDate(), e.occurredAt(),
                e.actor(), e.causationId(), e.recordHash(), documents);
    }

    /** Which field of each message holds the day it happened. */
    static Map<String, String> businessDateFields() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("drafting.plan-draft-created", "createdOn");
        fields.put("drafting.plan-submitted", "submittedOn");
        fields.put("drafting.plan-approved", "approvedOn");
        fields.put("drafting.plan-document-frozen", "frozenOn");
        fields.put("approval.plan-placed-on-agenda", "placedOn");
        fields.put("approval.plan-decision-recorded", "meetingDate");
        fields.put("approval.meeting-protocol-published", "meetingDate");
        fields.put("approval.status-report-noted", "meetingDate");
        fields.put("approval.hearing-answer-recorded", "answeredOn");
        fields.put("followup.status-report-submitted", "measuredOn");
        fields.put("followup.round-not-followed-up", "closedOn");
        fields.put("followup.follow-up-closed", "closedOn");
        return fields;
    }

    // ---- administration ----------------------------------------------------------------------------------

    /**
     * The administrative acts as archived (who could do what, and since when), newest first: every municipality's for
     * the system administrator, their own municipality's for a local administrator.
     */
    @Transactional
    public List<TimelineEntry> administration(CurrentUser user, int limit) {
        boolean all = user.municipality() == null && user.hasRole(Roles.ADMIN);
        if (!all && user.municipality() == null) {
            // Of no municipality and not the system administrator: none.
            return List.of();
        }
        return history.administration(all ? null : user.municipality(), limit).stream()
                .map(e -> entry(e, List.<DocumentRef>of())).toList();
    }

    // ---- as of a date ------------------------------------------------------------------------------------

    @Transactional
    public PlanStanding asOf(UUID planId, LocalDate date, CurrentUser user) {
        checkAccess(planId, user);
        List<TimelineEntry> events = entries(planId, date);
        Map<Long, JsonNode> payloads = new HashMap<>();
        history.payloads(events.stream().mapToLong(TimelineEntry::seq).toArray()).forEach((seq, payload) -> payloads.put(seq, parse(payload)));
        TimelineEntry first = events.isEmpty() ? entries(planId, null).stream().findFirst().orElse(null) : null;
        return PlanStanding.of(planId, date, events, payloads, first);
    }

    // ---- documents ---------------------------------------------------------------------------------------

    @Transactional
    public ArchivedDocument document(long id, CurrentUser user) {
        ArchivedDocument doc = documents.find(id).orElseThrow(() -> new NotFound("Dokumentet findes ikke i arkivet"));
        if (!user.canSee(doc.municipality())
                || user.hasRole(Roles.READER) && !FrozenDocuments.Kind.valueOf(doc.kind()).published
                || user.hasRole(Roles.READER) && FrozenDocuments.Kind.STATUS_REPORT.name().equals(doc.kind()) && !history.noted(doc.recordSeq())) {
            throw new NotFound("Dokumentet findes ikke i arkivet");
        }
        return doc;
    }

    /** The documents of a plan's records and of the records linked to it, in archive order (for the package). */
    List<ArchivedDocument> documentsOfPlan(UUID planId, CurrentUser user) {
        return documents.idsOfPlan(planId).stream().map(id -> document(id, user)).toList();
    }

    // ---- words -------------------------------------------------------------------------------------------

    JsonNode parse(String payload) {
        try {
            return json.readValue(payload, JsonNode.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The event in words (Danish, as the pages show it). */
    String describe(String type, String payload) {
        return ArchiveWording.describe(type, parse(payload));
    }


    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
