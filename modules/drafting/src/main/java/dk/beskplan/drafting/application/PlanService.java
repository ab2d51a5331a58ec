package dk.beskplan.drafting.application;

import dk.beskplan.contracts.drafting.PlanDraftCreated;
import dk.beskplan.contracts.drafting.PlanSubmitted;
import dk.beskplan.drafting.DraftingModule;
import dk.beskplan.drafting.domain.Period;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The officials' use cases on plans. Each runs in one transaction with the messages it sends. */
@Singleton
public class PlanService {

    /** What an official gives to start a draft. */
    public record NewPlan(String municipality, Integer fromYear, Integer toYear, String title, String committeeName) {
    }

    private final PlanRepository plans;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    PlanService(PlanRepository plans, Outbox outbox, JsonMapper json, Clock clock) {
        this.plans = plans;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Plan create(NewPlan request, CurrentUser user) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        if (request.municipality() == null || request.municipality().isBlank()) {
            errors.add(new ProblemException.FieldError("municipality", "skal udfyldes"));
        } else if (!request.municipality().equals(user.municipality())) {
            errors.add(new ProblemException.FieldError("municipality", "du kan kun oprette planer for din egen kommune"));
        }
        Period.problems(request.fromYear(), request.toYear())
                .forEach(p -> errors.add(new ProblemException.FieldError(p[0], p[1])));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Plan plan = Plan.startDraft(UUID.randomUUID(), request.municipality(),
                new Period(request.fromYear(), request.toYear()), request.title().strip(), request.committeeName().strip());
        var now = clock.instant();
        plans.insert(plan, user.username(), now);
        String content = content(plan);
        plans.insertRevision(plan.id(), plan.currentRevision(), content, sha256(content), user.username(), now);
        outbox.append(DraftingModule.MODULE,
                new PlanDraftCreated(plan.id(), plan.title(), plan.period().fromYear(), plan.period().toYear(), plan.committeeName()),
                MessageContext.byUser(user.username(), plan.municipality(), plan.id()));
        return plan;
    }

    @Transactional
    public List<Plan> list(CurrentUser user) {
        return user.municipality() == null ? List.of() : plans.ofMunicipality(user.municipality());
    }

    @Transactional
    public Plan get(UUID id, CurrentUser user) {
        return visible(id, user);
    }

    /**
     * Freezes the current revision and sends it to the committee. {@code expectedVersion} (from If-Match)
     * makes the submit fail with 409 when someone changed the plan since the caller looked at it.
     */
    @Transactional
    public Plan submit(UUID id, @Nullable Long expectedVersion, CurrentUser user) {
        Plan plan = visible(id, user);
        if (expectedVersion != null && expectedVersion != plan.version()) {
            throw new Conflict("Planen er ændret af en anden i mellemtiden (version " + plan.version()
                    + ", du havde " + expectedVersion + "). Hent den igen.");
        }
        int revision = plan.submit().orElseThrow(Conflict::new);
        plans.update(plan, clock.instant());
        outbox.append(DraftingModule.MODULE,
                new PlanSubmitted(plan.id(), plan.title(), plan.period().fromYear(), plan.period().toYear(),
                        plan.committeeName(), revision, plans.revisionHash(plan.id(), revision), user.username()),
                MessageContext.byUser(user.username(), plan.municipality(), plan.id()));
        return plans.find(id).orElseThrow();
    }

    /** Another municipality's plan answers exactly like a missing one. */
    private Plan visible(UUID id, CurrentUser user) {
        return plans.find(id).filter(p -> user.canSee(p.municipality()))
                .orElseThrow(() -> new NotFound("Planen findes ikke"));
    }

    /** The revision's content as stored and hashed; it grows with the plan model. */
    private String content(Plan plan) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("municipality", plan.municipality());
        content.put("fromYear", plan.period().fromYear());
        content.put("toYear", plan.period().toYear());
        content.put("title", plan.title());
        content.put("committeeName", plan.committeeName());
        try {
            return json.writeValueAsString(content);
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
