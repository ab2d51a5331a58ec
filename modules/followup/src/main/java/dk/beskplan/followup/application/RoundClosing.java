package dk.beskplan.followup.application;

import dk.beskplan.contracts.followup.FollowUpClosed;
import dk.beskplan.contracts.followup.RoundNotFollowedUp;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How rounds and plans leave follow-up. A round closes when the committee notes its report, or when an official closes
 * it as "ikke fulgt op" (a historic or abandoned round) with a reason, which is recorded and archived
 * ({@code followup.round-not-followed-up}). A plan's follow-up closes by itself when every round is noted or closed
 * that way; once the plan period is over an official can close it with rounds still outstanding, saying why.
 * Every closing is a message ({@code followup.follow-up-closed}), so the archive has it.
 */
@Singleton
public class RoundClosing {
    static final int MAX_REASON = 1000;

    private final RoundRepository rounds;
    private final FollowedPlanRepository plans;
    private final FollowUpQueries queries;
    private final Outbox outbox;
    private final Clock clock;

    RoundClosing(RoundRepository rounds, FollowedPlanRepository plans, FollowUpQueries queries, Outbox outbox, Clock clock) {
        this.rounds = rounds;
        this.plans = plans;
        this.queries = queries;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Closes a round that is not (or no longer) followed up; its missing reports are asked for no more. */
    @Transactional
    public Views.Round closeNotFollowedUp(UUID planId, UUID roundId, @Nullable String reason, CurrentUser user) {
        requireOfficial(user);
        Views.Plan plan = queries.openPlan(planId, user);
        queries.round(planId, roundId, user);
        rounds.lock(roundId);
        Views.Round round = queries.round(planId, roundId, user);
        if ("NOTED".equals(round.state()) || "NOT_FOLLOWED_UP".equals(round.state())) {
            throw new Conflict(round.label() + " er allerede afsluttet");
        }
        String why = reason(reason);
        Instant now = clock.instant();
        rounds.closeNotFollowedUp(roundId, why, user.username(), now);
        outbox.append(FollowUpModule.MODULE, new RoundNotFollowedUp(planId, roundId, round.label(), round.dueDate(), round.tasks(),
                round.missing(), why, today()), MessageContext.byUser(user.username(), plan.municipality(), planId));
        closeWhenEveryRoundIsDone(plan, MessageContext.byUser(user.username(), plan.municipality(), planId));
        return queries.round(planId, roundId, user);
    }

    /**
     * Closes the plan's follow-up after its period: rounds not noted are left as they are and named in the message.
     * A reason is required when any round is not noted.
     */
    @Transactional
    public Views.Plan closeFollowUp(UUID planId, @Nullable String reason, CurrentUser user) {
        requireOfficial(user);
        Views.Plan plan = queries.openPlan(planId, user);
        plans.lock(planId);
        if (!today().isAfter(LocalDate.of(plan.toYear(), 12, 31))) {
            throw new Conflict("Planperioden " + plan.period() + " er ikke slut endnu; opfølgningen kan afsluttes fra 1. januar "
                    + (plan.toYear() + 1));
        }
        long outstanding = queries.rounds(planId, user).stream().filter(r -> !"NOTED".equals(r.state()) && !"NOT_FOLLOWED_UP".equals(r.state())).count();
        String why = outstanding == 0 && (reason == null || reason.isBlank()) ? null : reason(reason);
        close(plan, why, user.username(), MessageContext.byUser(user.username(), plan.municipality(), planId));
        return queries.plan(planId, user);
    }

    /** Closes the plan's follow-up when no round waits any more (each noted or closed as not followed up). */
    void closeWhenEveryRoundIsDone(Views.Plan plan, MessageContext context) {
        if (!"OPEN".equals(plan.state())) {
            return;
        }
        if (rounds.everyRoundDone(plan.planId())) {
            close(plan, null, context.actor(), context);
        }
    }

    private void close(Views.Plan plan, @Nullable String reason, String by, MessageContext context) {
        RoundRepository.Counts counts = rounds.counts(plan.planId());
        if (plans.close(plan.planId(), clock.instant(), by, reason)) {
            outbox.append(FollowUpModule.MODULE, new FollowUpClosed(plan.planId(), plan.title(), plan.fromYear(), plan.toYear(), today(),
                    counts.rounds(), counts.noted(), reason), context);
        }
    }

    /** Closing is an official's decision (managers report; they do not decide that a round is not followed up). */
    private static void requireOfficial(CurrentUser user) {
        if (!user.hasRole(Roles.OFFICIAL)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Kun for embedsmænd", "Kun en embedsmand kan afslutte opfølgning", List.of());
        }
    }

    private static String reason(@Nullable String reason) {
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw InvalidInput.field("reason", "skriv hvorfor, fx at runden blev fulgt op uden for Beskplan");
        }
        if (why.length() > MAX_REASON) {
            throw InvalidInput.field("reason", "højst " + MAX_REASON + " tegn");
        }
        return why;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Reporting.ZONE));
    }
}
