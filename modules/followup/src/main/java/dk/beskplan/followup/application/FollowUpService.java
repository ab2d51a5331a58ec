package dk.beskplan.followup.application;

import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.contracts.followup.FollowUpOpened;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.messaging.MessageHandler;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.UUID;

/**
 * Opens follow-up when a plan is finally approved: the first status round, due at the end of the plan
 * period, owned by the municipality's manager.
 */
@Singleton
public class FollowUpService implements MessageHandler<PlanDecisionRecorded> {

    /** A status round as the API shows it. */
    @Serdeable
    public record Round(UUID id, UUID planId, int number, LocalDate dueDate, @Nullable String owner, String state,
                        Instant openedAt) {
    }

    private final Sql sql;
    private final Outbox outbox;
    private final UserAccounts users;
    private final Clock clock;

    FollowUpService(Sql sql, Outbox outbox, UserAccounts users, Clock clock) {
        this.sql = sql;
        this.outbox = outbox;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String module() {
        return FollowUpModule.MODULE.name();
    }

    @Override
    public Class<PlanDecisionRecorded> messageType() {
        return PlanDecisionRecorded.class;
    }

    @Override
    public void handle(PlanDecisionRecorded decision, Envelope envelope) {
        if (!decision.putsInForce()) {
            return; // not approved, or the committee only recommends and the council decides next
        }
        Instant now = clock.instant();
        int fresh = sql.update("insert into followup.followed_plan (plan_id, municipality, title, from_year, to_year,"
                        + " approved_revision, opened_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                decision.planId(), envelope.municipality(), decision.title(), decision.fromYear(), decision.toYear(),
                decision.revisionNumber(), now);
        if (fresh == 0) {
            return; // follow-up already opened for this plan
        }
        String owner = users.withRole(envelope.municipality(), Roles.MANAGER).stream()
                .map(UserAccounts.User::username).findFirst().orElse(null);
        UUID roundId = UUID.randomUUID();
        LocalDate due = LocalDate.of(decision.toYear(), Month.DECEMBER, 31);
        sql.update("insert into followup.status_round (id, plan_id, number, due_date, owner, state, opened_at)"
                + " values (?, ?, 1, ?, ?, 'OPEN', ?)", roundId, decision.planId(), due, owner, now);
        outbox.append(FollowUpModule.MODULE, new FollowUpOpened(decision.planId(), roundId, due, owner),
                MessageContext.reactingTo(envelope, module()));
    }

    @Transactional
    public List<Round> rounds(UUID planId, CurrentUser user) {
        String municipality = sql.queryOne("select municipality from followup.followed_plan where plan_id = ?",
                        rs -> rs.getString(1), planId)
                .filter(user::canSee)
                .orElseThrow(() -> new NotFound("Planen er ikke i opfølgning"));
        return sql.query("select id, plan_id, number, due_date, owner, state, opened_at from followup.status_round"
                        + " where plan_id = ? order by number",
                rs -> new Round(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getInt("number"),
                        rs.getObject("due_date", LocalDate.class), rs.getString("owner"), rs.getString("state"),
                        Sql.instant(rs, "opened_at")), planId);
    }
}
