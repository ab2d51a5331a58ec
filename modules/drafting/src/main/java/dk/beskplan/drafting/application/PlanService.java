package dk.beskplan.drafting.application;

import dk.beskplan.contracts.drafting.PlanDocumentFrozen;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.Period;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.contracts.drafting.PlanDraftCreated;
import dk.beskplan.contracts.drafting.PlanSubmitted;
import dk.beskplan.contracts.drafting.PlanWithdrawn;
import dk.beskplan.drafting.DraftingModule;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.drafting.domain.PlanState;
import dk.beskplan.drafting.domain.PlanWarnings;
import dk.beskplan.drafting.domain.RollOver;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.ProblemException;
import dk.beskplan.platform.web.Refusals;
import dk.beskplan.platform.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The officials' use cases on plans: drafts started, revised, submitted and withdrawn, and plans read. Each runs in one
 * transaction with the messages it sends. Every save of a draft stores an immutable revision holding the whole plan
 * document. What changed between revisions is {@link Comparisons}'; the public page's plans are {@link PublishedPlans}';
 * the committee's decision arrives in {@link OnPlanDecisionRecorded}.
 */
@Singleton
public class PlanService {

    /** What an official gives to start an empty draft; {@code committeeName} may be null (the plan names none). */
    public record NewPlan(String municipality, Integer fromYear, Integer toYear, String title, @Nullable String committeeName) {
    }

    /** A revision as listed, without its content. */
    @io.micronaut.serde.annotation.Serdeable
    public record RevisionInfo(int number, String contentHash, String author, Instant createdAt, @Nullable String frozenAs) {
    }

    /** Where a submitted plan stands in approval before it is settled: recommended by a committee, or postponed. */
    public record ApprovalProgress(String decision, String decidingBody, java.time.LocalDate meetingDate) {
    }

    /** A revision's content with the plan it belongs to. */
    public record Document(Plan plan, int revision, PlanDocument content, String contentHash, @Nullable String frozenAs) {
    }

    private final PlanRepository plans;
    private final Outbox outbox;
    private final PlanTexts texts;
    private final UserAccounts directory;
    private final FrozenPdfQueue frozenPdfs;
    private final Clock clock;

    PlanService(PlanRepository plans, Outbox outbox, PlanTexts texts, UserAccounts directory,
                FrozenPdfQueue frozenPdfs, Clock clock) {
        this.plans = plans;
        this.frozenPdfs = frozenPdfs;
        this.outbox = outbox;
        this.texts = texts;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * This service as on {@code moment}: what it records is dated that day (the demo brings in plans approved years
     * ago as they happened). A plain object, not a bean: the caller opens the transaction.
     */
    public PlanService asOf(Instant moment) {
        return new PlanService(plans, outbox, texts, directory, frozenPdfs, Clock.fixed(moment, DANISH_TIME));
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
        String committee = request.committeeName() == null || request.committeeName().isBlank() ? null
                : request.committeeName().strip();
        if (committee != null) {
            checkText(committee, "committeeName", errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        PlanDocument content = new PlanDocument(request.municipality(), directory.municipalityName(request.municipality()),
                request.fromYear(), request.toYear(), request.title().strip(), committee, null,
                List.of(), new PlanDocument.Ambition(null, List.of(), List.of()), List.of(), List.of(), List.of(), List.of(),
                List.of(), PlanDocument.Layout.STANDARD);
        return start(content, null, user);
    }

    /** A draft from a whole plan document (how a municipality brings in a plan it already has). */
    @Transactional
    public Plan importDocument(JsonNode document, CurrentUser user) {
        // The municipality is checked beside every other problem, so one answer lists all that must be fixed.
        List<ProblemException.FieldError> errors = new ArrayList<>();
        JsonNode municipality = document == null || !document.isObject() ? null : document.get("municipality");
        if (municipality != null && municipality.isString() && !municipality.getStringValue().isBlank()) {
            checkMunicipality(municipality.getStringValue(), user, "municipality", errors);
        }
        PlanDocument content;
        try {
            content = PlanTexts.readDocument(document);
        } catch (InvalidInput invalid) {
            errors.addAll(invalid.errors());
            throw new InvalidInput(errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return start(content, null, user);
    }

    /**
     * A new draft for the next period, starting from an approved plan ("continued from last year"): every date of the
     * document moves by the period's length ({@link RollOver}); the texts still naming the old years are listed by
     * {@link #warnings} for review.
     */
    @Transactional
    public Plan rollOver(UUID approvedPlanId, CurrentUser user) {
        Plan source = visible(approvedPlanId, user);
        int approvedRevision = source.canBeRolledOver().orElseThrow(Conflict::new);
        PlanDocument old = texts.stored(plans.revision(source.id(), approvedRevision).orElseThrow().content());
        return start(RollOver.next(old), source.id(), user);
    }

    /**
     * What to look at before submitting the plan's current revision (none of it stops a submission): goals without
     * success criteria, dates before the plan's period and, in a plan carried over, texts naming the old years.
     */
    @Transactional
    public List<PlanWarnings.Warning> warnings(UUID id, CurrentUser user) {
        Document current = document(id, null, user);
        return PlanWarnings.of(current.content(), current.plan().basedOn() != null);
    }

    private Plan start(PlanDocument content, @Nullable UUID basedOn, CurrentUser user) {
        Plan plan = Plan.startDraft(UUID.randomUUID(), content.municipality(),
                new Period(content.fromYear(), content.toYear()), content.title(), content.committeeName(), basedOn);
        Instant now = clock.instant();
        plans.insert(plan, user.username(), now);
        plans.insertRevision(plan.id(), plan.currentRevision(), PlanDocumentWriter.toJson(content),
                PlanDocumentWriter.hash(content), user.username(), now);
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
        return saveContent(id, PlanTexts.readDocument(document), expectedVersion, user);
    }

    /** Saves edited content as a new revision, if the plan is still at {@code expectedVersion}. */
    @Transactional
    public Plan saveContent(UUID id, PlanDocument content, long expectedVersion, CurrentUser user) {
        Plan plan = visible(id, user);
        requireVersion(plan, expectedVersion);
        int revision = plan.revise(content).orElseRefuse(Refusals::of);
        plans.update(plan, clock.instant());
        plans.insertRevision(plan.id(), revision, PlanDocumentWriter.toJson(content), PlanDocumentWriter.hash(content),
                user.username(), clock.instant());
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
        return texts.document(plan, number, plans.revision(id, number)
                .orElseThrow(() -> new NotFound("Planen har ingen revision " + number)));
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

    /**
     * Freezes the current revision and sends it to the committee; its PDF is requested, to be rendered once soon after
     * ({@link FrozenPdfQueue}). {@code expectedVersion} (from If-Match) makes the submit fail with 409 when someone
     * changed the plan since the caller looked at it.
     */
    @Transactional
    public Plan submit(UUID id, @Nullable Long expectedVersion, CurrentUser user) {
        Plan plan = visible(id, user);
        if (expectedVersion != null) {
            requireVersion(plan, expectedVersion);
        }
        PlanRepository.Revision current = plans.revision(id, plan.currentRevision()).orElseThrow();
        requireGoals(texts.stored(current.content()));
        if (plan.state() == PlanState.DRAFT && current.frozenAs() != null) {
            // Submitted before and withdrawn, unchanged since: the new submission is a revision of its own, so that
            // every submission the committee sees has its own number.
            plan.revise(texts.stored(current.content())).orElseThrow(Conflict::new);
            plans.insertRevision(id, plan.currentRevision(), current.content(), current.contentHash(), user.username(),
                    clock.instant());
            current = plans.revision(id, plan.currentRevision()).orElseThrow();
        }
        int revision = plan.submit().orElseThrow(Conflict::new);
        plans.update(plan, clock.instant());
        plans.freeze(id, revision, "SUBMITTED");
        MessageContext context = MessageContext.byUser(user.username(), plan.municipality(), plan.id());
        outbox.append(DraftingModule.MODULE,
                new PlanSubmitted(plan.id(), plan.title(), plan.period().fromYear(), plan.period().toYear(),
                        plan.committeeName(), revision, current.contentHash(), user.username(),
                        texts.stored(current.content()), today()), context);
        frozenPdfs.request(new FrozenDocumentRepository.Request(id, revision, PlanDocumentFrozen.Kind.SUBMITTED,
                current.contentHash(), today(), context.municipality(), context.actor(), null));
        return plans.find(id).orElseThrow();
    }

    private static void requireGoals(PlanDocument content) {
        if (content.goals().isEmpty()) {
            throw InvalidInput.field("goals", "en plan skal have mindst ét mål, før den kan indsendes");
        }
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
}
