package dk.beskplan.followup.application;

import dk.beskplan.contracts.followup.FollowUpClosed;
import dk.beskplan.contracts.followup.RoundNotFollowedUp;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.persistence.Sql;
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

    private final Sql sql;
    private final FollowUpQueries queries;
    private final Outbox outbox;
    private final Clock clock;

    RoundClosing(Sql sql, FollowUpQueries queries, Outbox outbox, Clock clock) {
        this.sql = sql;
        this.queries = queries;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Closes a round that is not (or no longer) followed up; its missing reports are asked for no more. */
    @Transactional
    public Views.Round closeNotFollowedUp(UUID planId, UUID roundId, @Nullable String reason, CurrentUser user) {
        requireOfficial(user);
        Views.Plan plan = openPlan(planId, user);
        queries.round(planId, roundId, user);
        sql.queryOne("select 1 from followup.status_round where id = ? for update", rs -> 1, roundId);
        Views.Round round = queries.round(planId, roundId, user);
        if ("NOTED".equals(round.state()) || "NOT_FOLLOWED_UP".equals(round.state())) {
            throw new Conflict(round.label() + " er allerede afsluttet");
        }
        String why = reason(reason);
        Instant now = clock.instant();
        sql.update("update followup.status_round set state = 'NOT_FOLLOWED_UP', closed_reason = ?, closed_by = ?, closed_at = ?"
                + " where id = ?", why, user.username(), now, roundId);
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
        Views.Plan plan = openPlan(planId, user);
        sql.queryOne("select 1 from followup.followed_plan where plan_id = ? for update", rs -> 1, planId);
        if (!today().isAfter(LocalDate.of(plan.toYear(), 12, 31))) {
            throw new Conflict("Planperioden " + plan.period() + " er ikke slut endnu; opfølgningen kan afsluttes fra 1. januar "
                    + (plan.toYear() + 1));
        }
        List<Views.Round> rounds = queries.rounds(planId, user);
        long outstanding = rounds.stream().filter(r -> !"NOTED".equals(r.state()) && !"NOT_FOLLOWED_UP".equals(r.state())).count();
        String why = outstanding == 0 && (reason == null || reason.isBlank()) ? null : reason(reason);
        close(plan, why, user.username(), MessageContext.byUser(user.username(), plan.municipality(), planId));
        return queries.plan(planId, user);
    }

    /** Closes the plan's follow-up when no round waits any more (each noted or closed as not followed up). */
    void closeWhenEveryRoundIsDone(Views.Plan plan, MessageContext context) {
        if (!"OPEN".equals(plan.state())) {
            return;
        }
        boolean done = sql.queryOne("select count(*) = count(*) filter (where state in ('NOTED', 'NOT_FOLLOWED_UP'))"
                + " from followup.status_round where plan_id = ?", rs -> rs.getBoolean(1), plan.planId()).orElse(false);
        if (done) {
            close(plan, null, context.actor(), context);
        }
    }

    private void close(Views.Plan plan, @Nullable String reason, String by, MessageContext context) {
        int[] rounds = sql.queryOne("select count(*), count(*) filter (where state = 'NOTED') from followup.status_round where plan_id = ?",
                rs -> new int[]{rs.getInt(1), rs.getInt(2)}, plan.planId()).orElseThrow();
        int closed = sql.update("update followup.followed_plan set state = 'CLOSED', closed_at = ?, closed_by = ?, closed_reason = ?"
                + " where plan_id = ? and state = 'OPEN'", clock.instant(), by, reason, plan.planId());
        if (closed == 1) {
            outbox.append(FollowUpModule.MODULE, new FollowUpClosed(plan.planId(), plan.title(), plan.fromYear(), plan.toYear(), today(),
                    rounds[0], rounds[1], reason), context);
        }
    }

    private Views.Plan openPlan(UUID planId, CurrentUser user) {
        Views.Plan plan = queries.plan(planId, user);
        if (!"OPEN".equals(plan.state())) {
            throw new Conflict("Opfølgningen på planen er afsluttet");
        }
        return plan;
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
