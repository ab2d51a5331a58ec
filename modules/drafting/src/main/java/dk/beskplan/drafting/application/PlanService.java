package dk.beskplan.drafting.application;

import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.contracts.drafting.PlanApproved;
import dk.beskplan.contracts.drafting.PlanDraftCreated;
import dk.beskplan.contracts.drafting.PlanSubmitted;
import dk.beskplan.contracts.drafting.PlanWithdrawn;
import dk.beskplan.drafting.DraftingModule;
import dk.beskplan.drafting.document.PlanDocumentReader;
import dk.beskplan.drafting.document.PlanDocumentWriter;
import dk.beskplan.drafting.domain.Period;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.drafting.domain.PlanComparison;
import dk.beskplan.drafting.domain.PlanContent;
import dk.beskplan.drafting.domain.PlanState;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.ProblemException;
import dk.beskplan.platform.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The officials' use cases on plans. Each runs in one transaction with the messages it sends. Every save
 * of a draft stores an immutable revision holding the whole plan document.
 */
@Singleton
public class PlanService {

    /** What an official gives to start an empty draft. */
    public record NewPlan(String municipality, Integer fromYear, Integer toYear, String title, String committeeName) {
    }

    /** A revision as listed, without its content. */
    @io.micronaut.serde.annotation.Serdeable
    public record RevisionInfo(int number, String contentHash, String author, Instant createdAt, @Nullable String frozenAs) {
    }

    /** Where a submitted plan stands in approval before it is settled: recommended by a committee, or postponed. */
    public record ApprovalProgress(String decision, String decidingBody, java.time.LocalDate meetingDate) {
    }

    /** A revision's content with the plan it belongs to. */
    public record Document(Plan plan, int revision, PlanContent content, String contentHash, @Nullable String frozenAs) {
    }

    private final PlanRepository plans;
    private final Outbox outbox;
    private final JsonMapper json;
    private final UserAccounts directory;
    private final Clock clock;

    PlanService(PlanRepository plans, Outbox outbox, JsonMapper json, UserAccounts directory, Clock clock) {
        this.plans = plans;
        this.outbox = outbox;
        this.json = json;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * This service as on {@code moment}: what it records is dated that day (the demo brings in plans approved years
     * ago as they happened). A plain object, not a bean: the caller opens the transaction.
     */
    public PlanService asOf(Instant moment) {
        return new PlanService(plans, outbox, json, directory, Clock.fixed(moment, DANISH_TIME));
    }

    private static final java.time.ZoneId DANISH_TIME = java.time.ZoneId.of("Europe/Copenhagen");

    /** The business date of what is done now: today in Denmark, by this service's clock. */
    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(DANISH_TIME));
    }

    /** An empty draft: title, period and committee; the rest is written revision by revision. */
    @Transactional
    public Plan create(NewPlan request, CurrentUser user) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        checkMunicipality(request.municipality(), user, "municipality", errors);
        Period.problems(request.fromYear(), request.toYear()).forEach(p -> errors.add(new ProblemException.FieldError(p[0], p[1])));
        checkText(request.title(), "title", errors);
        checkText(request.committeeName(), "committeeName", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        PlanContent content = new PlanContent(request.municipality(), directory.municipalityName(request.municipality()),
                request.fromYear(), request.toYear(), request.title().strip(), request.committeeName().strip(), null,
                List.of(), new PlanContent.Ambition(null, List.of(), List.of()), List.of(), List.of(), List.of(), List.of(),
                List.of(), PlanContent.Layout.STANDARD);
        return start(content, null, user);
    }

    /** A draft from a whole plan document (how a municipality brings in a plan it already has). */
    @Transactional
    public Plan importDocument(JsonNode document, CurrentUser user) {
        PlanContent content = PlanDocumentReader.read(document);
        List<ProblemException.FieldError> errors = new ArrayList<>();
        checkMunicipality(content.municipality(), user, "municipality", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return start(content, null, user);
    }

    /** A new draft for the next period, starting from an approved plan ("continued from last year"). */
    @Transactional
    public Plan rollOver(UUID approvedPlanId, CurrentUser user) {
        Plan source = visible(approvedPlanId, user);
        int approvedRevision = source.canBeRolledOver().orElseThrow(Conflict::new);
        PlanContent old = content(plans.revision(source.id(), approvedRevision).orElseThrow().content());
        int years = old.toYear() - old.fromYear() + 1;
        int from = old.toYear() + 1;
        int to = from + years - 1;
        PlanContent next = new PlanContent(old.municipality(), old.municipalityName(), from, to,
                old.title().replace(Integer.toString(old.fromYear()), Integer.toString(from)), old.committeeName(),
                old.foreword(), old.introduction(), old.ambition(), old.overallSuccessCriteria(), old.goalsIntroduction(),
                old.goals(), old.sections(), old.overviewIntroduction(), old.layout());
        return start(next, source.id(), user);
    }

    private Plan start(PlanContent content, @Nullable UUID basedOn, CurrentUser user) {
        Plan plan = Plan.startDraft(UUID.randomUUID(), content.municipality(),
                new Period(content.fromYear(), content.toYear()), content.title(), content.committeeName(), basedOn);
        Instant now = clock.instant();
        plans.insert(plan, user.username(), now);
        String stored = serialize(content);
        plans.insertRevision(plan.id(), plan.currentRevision(), stored, sha256(stored), user.username(), now);
        outbox.append(DraftingModule.MODULE,
                new PlanDraftCreated(plan.id(), plan.title(), plan.period().fromYear(), plan.period().toYear(), plan.committeeName(),
                        today()),
                MessageContext.byUser(user.username(), plan.municipality(), plan.id()));
        return plan;
    }

    /**
     * Saves a new revision of a draft. {@code expectedVersion} (If-Match) is required: a save based on an
     * older version gets 409 and nothing is overwritten.
     */
    @Transactional
    public Plan saveDocument(UUID id, JsonNode document, @Nullable Long expectedVersion, CurrentUser user) {
        if (expectedVersion == null) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "If-Match mangler",
                    "Send planens ETag i If-Match, så ingen ændringer overskrives", List.of());
        }
        return saveContent(id, PlanDocumentReader.read(document), expectedVersion, user);
    }

    /** Saves edited content as a new revision, if the plan is still at {@code expectedVersion}. */
    @Transactional
    public Plan saveContent(UUID id, PlanContent content, long expectedVersion, CurrentUser user) {
        Plan plan = visible(id, user);
        requireVersion(plan, expectedVersion);
        int revision = plan.revise(content).orElseThrow(Conflict::new);
        plans.update(plan, clock.instant());
        String stored = serialize(content);
        plans.insertRevision(plan.id(), revision, stored, sha256(stored), user.username(), clock.instant());
        return plans.find(id).orElseThrow();
    }

    @Transactional
    public List<Plan> list(CurrentUser user) {
        if (user.municipality() == null) {
            return List.of();
        }
        List<Plan> all = plans.ofMunicipality(user.municipality());
        return readsOnly(user) ? all.stream().filter(p -> p.approvedRevision() != null).toList() : all;
    }

    @Transactional
    public Plan get(UUID id, CurrentUser user) {
        return visible(id, user);
    }

    /** A revision's document; {@code revision} null means the current one. */
    @Transactional
    public Document document(UUID id, @Nullable Integer revision, CurrentUser user) {
        Plan plan = visible(id, user);
        if (readsOnly(user) && revision != null && !revision.equals(plan.approvedRevision())) {
            throw new NotFound("Planen har ingen revision " + revision);
        }
        int number = readsOnly(user) ? plan.approvedRevision() : revision == null ? plan.currentRevision() : revision;
        PlanRepository.Revision stored = plans.revision(id, number)
                .orElseThrow(() -> new NotFound("Planen har ingen revision " + number));
        return new Document(plan, number, content(stored.content()), stored.contentHash(), stored.frozenAs());
    }

    @Transactional
    public List<RevisionInfo> revisions(UUID id, CurrentUser user) {
        visible(id, user);
        return plans.revisions(id).stream()
                .map(r -> new RevisionInfo(r.number(), r.contentHash(), r.author(), r.createdAt(), r.frozenAs())).toList();
    }

    /** The municipality's approved plan for an earlier period: what "last year" means for a comparison. */
    @Transactional
    public java.util.Optional<Document> lastApprovedBefore(UUID id, CurrentUser user) {
        Plan plan = visible(id, user);
        UUID previous = plan.basedOn() != null ? plan.basedOn()
                : plans.lastApproved(plan.municipality(), plan.period().fromYear()).map(Plan::id).orElse(null);
        if (previous == null) {
            return java.util.Optional.empty();
        }
        Plan old = plans.find(previous).orElseThrow();
        return old.approvedRevision() == null ? java.util.Optional.empty()
                : java.util.Optional.of(document(old.id(), old.approvedRevision(), user));
    }

    /** The latest unsettling decision on the plan's submitted revision (empty unless it is waiting). */
    @Transactional
    public java.util.Optional<ApprovalProgress> approvalProgress(UUID id, CurrentUser user) {
        Plan plan = visible(id, user);
        if (plan.state() != PlanState.SUBMITTED || plan.submittedRevision() == null) {
            return java.util.Optional.empty();
        }
        return plans.latestProgress(id, plan.submittedRevision())
                .map(p -> new ApprovalProgress(p.decision(), p.decidingBody(), p.meetingDate()));
    }

    /** What changed between two revisions of one plan (either may be frozen). */
    @Transactional
    public Comparison compareRevisions(UUID id, int from, int to, CurrentUser user) {
        Document before = document(id, from, user);
        Document after = document(id, to, user);
        return new Comparison(before, after, PlanComparison.compare(before.content(), after.content()));
    }

    /** What changed since last year: the municipality's approved plan for the previous period against this one. */
    @Transactional
    public java.util.Optional<Comparison> compareWithLastApproved(UUID id, @Nullable Integer revision, CurrentUser user) {
        Document after = document(id, revision, user);
        return lastApprovedBefore(id, user)
                .map(before -> new Comparison(before, after, PlanComparison.compare(before.content(), after.content())));
    }

    /** Two documents and the changes from the first to the second. */
    public record Comparison(Document before, Document after, PlanComparison.Comparison changes) {
    }

    /**
     * Freezes the current revision and sends it to the committee. {@code expectedVersion} (from If-Match)
     * makes the submit fail with 409 when someone changed the plan since the caller looked at it.
     */
    @Transactional
    public Plan submit(UUID id, @Nullable Long expectedVersion, CurrentUser user) {
        Plan plan = visible(id, user);
        if (expectedVersion != null) {
            requireVersion(plan, expectedVersion);
        }
        PlanRepository.Revision current = plans.revision(id, plan.currentRevision()).orElseThrow();
        if (content(current.content()).goals().isEmpty()) {
            throw InvalidInput.field("goals", "en plan skal have mindst ét mål, før den kan indsendes");
        }
        if (plan.state() == PlanState.DRAFT && current.frozenAs() != null) {
            // Submitted before and withdrawn, unchanged since: the new submission is a revision of its own, so that
            // every submission the committee sees has its own number.
            plan.revise(content(current.content())).orElseThrow(Conflict::new);
            plans.insertRevision(id, plan.currentRevision(), current.content(), current.contentHash(), user.username(),
                    clock.instant());
            current = plans.revision(id, plan.currentRevision()).orElseThrow();
        }
        int revision = plan.submit().orElseThrow(Conflict::new);
        plans.update(plan, clock.instant());
        plans.freeze(id, revision, "SUBMITTED");
        outbox.append(DraftingModule.MODULE,
                new PlanSubmitted(plan.id(), plan.title(), plan.period().fromYear(), plan.period().toYear(),
                        plan.committeeName(), revision, current.contentHash(), user.username(),
                        PlanDocumentWriter.write(content(current.content())), today()),
                MessageContext.byUser(user.username(), plan.municipality(), plan.id()));
        return plans.find(id).orElseThrow();
    }

    /**
     * Takes a submitted plan back from the committee: it is a draft again, and approval takes it off any agenda not
     * yet held. {@code reason} goes with the message, so the secretary sees why.
     */
    @Transactional
    public Plan withdraw(UUID id, @Nullable Long expectedVersion, @Nullable String reason, CurrentUser user) {
        Plan plan = visible(id, user);
        if (expectedVersion != null) {
            requireVersion(plan, expectedVersion);
        }
        if (reason != null && reason.length() > 2000) {
            throw InvalidInput.field("reason", "højst 2000 tegn");
        }
        int revision = plan.withdraw().orElseThrow(Conflict::new);
        plans.update(plan, clock.instant());
        plans.freeze(id, revision, "WITHDRAWN"); // still frozen as it was submitted; the label says what became of it
        outbox.append(DraftingModule.MODULE,
                new PlanWithdrawn(plan.id(), revision, plan.title(), reason == null || reason.isBlank() ? null : reason.strip()),
                MessageContext.byUser(user.username(), plan.municipality(), plan.id()));
        return plans.find(id).orElseThrow();
    }

    private static void requireVersion(Plan plan, long expected) {
        if (expected != plan.version()) {
            throw new Conflict("Planen er ændret af en anden i mellemtiden (version " + plan.version()
                    + ", du havde " + expected + "). Hent den nyeste udgave og gentag din ændring.");
        }
    }

    private static void checkText(@Nullable String value, String field, List<ProblemException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new ProblemException.FieldError(field, "skal udfyldes"));
        } else if (value.length() > 300) {
            errors.add(new ProblemException.FieldError(field, "højst 300 tegn"));
        } else {
            TextRules.singleLine(value, field, errors);
        }
    }

    private static void checkMunicipality(String municipality, CurrentUser user, String field, List<ProblemException.FieldError> errors) {
        if (municipality == null || municipality.isBlank()) {
            errors.add(new ProblemException.FieldError(field, "skal udfyldes"));
        } else if (!municipality.equals(user.municipality())) {
            errors.add(new ProblemException.FieldError(field, "du kan kun oprette planer for din egen kommune"));
        }
    }

    /** Another municipality's plan answers exactly like a missing one. */
    private Plan visible(UUID id, CurrentUser user) {
        return plans.find(id).filter(p -> user.canSee(p.municipality()))
                .filter(p -> !readsOnly(user) || p.approvedRevision() != null)
                .orElseThrow(() -> new NotFound("Planen findes ikke"));
    }

    /**
     * Readers (politicians, the public through their own pages) see approved plans only, and only the
     * approved text: drafts and the way there belong to the administration.
     */
    static boolean readsOnly(CurrentUser user) {
        return user.hasRole(Roles.READER) && !user.hasRole(Roles.OFFICIAL) && !user.hasRole(Roles.SECRETARY)
                && !user.hasRole(Roles.MANAGER) && !user.hasRole(Roles.ADMIN);
    }

    /** "Holbæk Kommune" for "316". */
    public String municipalityName(String municipality) {
        return directory.municipalityName(municipality);
    }

    /**
     * An approved plan as its public page shows it: how it was approved (null for plans approved before this was
     * recorded) and the fingerprint of the approved version, the SHA-256 of its stored text ({@link #publishedText}).
     */
    public record Published(Plan plan, String contentHash, @Nullable java.time.LocalDate approvedOn,
                            @Nullable String decidingBody, @Nullable UUID meetingId) {
    }

    /** The municipality's approved plans, for its public page (no login). */
    @Transactional
    public List<Published> published(String municipality) {
        return plans.ofMunicipality(municipality).stream().filter(p -> p.approvedRevision() != null).map(p -> {
            PlanRepository.Revision approved = plans.revision(p.id(), p.approvedRevision()).orElseThrow();
            PlanRepository.ApprovalRecord how = plans.approvalRecord(p.id()).orElse(null);
            return new Published(p, approved.contentHash(), how == null ? null : how.decidedOn(),
                    how == null ? null : how.decidingBody(), how == null ? null : how.meetingId());
        }).toList();
    }

    /**
     * The approved version exactly as stored, character for character: the plan document (JSON) whose UTF-8 bytes'
     * SHA-256 is the plan's fingerprint. Anyone can download it and recompute the fingerprint.
     */
    @Transactional
    public String publishedText(String municipality, UUID id) {
        Plan plan = plans.find(id).filter(p -> p.municipality().equals(municipality) && p.approvedRevision() != null)
                .orElseThrow(() -> new NotFound("Planen findes ikke"));
        return plans.revision(id, plan.approvedRevision()).orElseThrow().content();
    }

    /** An approved plan's approved text, for the public page; 404 for anything else. */
    @Transactional
    public Document publishedDocument(String municipality, UUID id) {
        Plan plan = plans.find(id).filter(p -> p.municipality().equals(municipality) && p.approvedRevision() != null)
                .orElseThrow(() -> new NotFound("Planen findes ikke"));
        PlanRepository.Revision stored = plans.revision(id, plan.approvedRevision()).orElseThrow();
        return new Document(plan, plan.approvedRevision(), content(stored.content()), stored.contentHash(), stored.frozenAs());
    }

    /**
     * Stores the committee's amended text (docs/adr/0007) as the plan's approved revision, frozen. The text
     * is read with the same rules as any document: one drafting cannot read is a defect, not a plan.
     */
    void storeApprovedVersion(Plan plan, Map<String, Object> approvedDocument, String actor) {
        PlanContent content;
        try {
            content = PlanDocumentReader.read(json.writeValueToTree(approvedDocument));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String stored = serialize(content);
        plans.insertRevision(plan.id(), plan.approvedRevision(), stored, sha256(stored), actor, clock.instant());
        plans.freeze(plan.id(), plan.approvedRevision(), "APPROVED");
    }

    /**
     * The plan is in force: its approved version goes out with its content hash, so follow-up can build its status
     * rounds from the goals and criteria and the archive keeps the version as approved.
     */
    void publishApproved(Plan plan, PlanDecisionRecorded decision, Envelope cause) {
        PlanRepository.Revision approved = plans.revision(plan.id(), plan.approvedRevision()).orElseThrow();
        outbox.append(DraftingModule.MODULE, new PlanApproved(plan.id(), plan.title(), plan.period().fromYear(),
                        plan.period().toYear(), plan.committeeName(), plan.approvedRevision(), decision.revisionNumber(),
                        plan.approvedRevision() != decision.revisionNumber(), approved.contentHash(),
                        PlanDocumentWriter.write(content(approved.content())), decision.decisionId(),
                        decision.decidingBody() == null ? plan.committeeName() : decision.decidingBody(),
                        decision.meetingDate()),
                MessageContext.reactingTo(cause, DraftingModule.MODULE.name()));
    }

    private String serialize(PlanContent content) {
        Map<String, Object> document = PlanDocumentWriter.write(content);
        try {
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PlanContent content(String stored) {
        try {
            return PlanDocumentReader.read(json.readValue(stored.getBytes(StandardCharsets.UTF_8), JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
