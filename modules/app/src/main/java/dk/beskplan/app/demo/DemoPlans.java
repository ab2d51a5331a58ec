package dk.beskplan.app.demo;

import dk.beskplan.approval.application.Agendas;
import dk.beskplan.approval.application.Committees;
import dk.beskplan.approval.application.Decisions;
import dk.beskplan.approval.application.Inbox;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.drafting.application.PlanService;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.platform.demo.DemoUsers;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Demo mode only: the three reference plans, brought in the way a municipality would — imported by an
 * official, submitted, and, once the submission has travelled to approval over RabbitMQ, placed by the committee
 * secretary on the agenda of a meeting held on the day the municipality approved it, decided (the committee
 * followed the recommendation) and the meeting closed. Each step is dated as it happened (in 2022 and 2024): the
 * messages carry those business dates, so the archive's timeline and as-of view show the history on its real dates. Holbæk also gets a planned meeting ahead. The committee
 * members are fictional. Runs in the background so start-up is not held up.
 */
@Singleton
@Requires(env = "demo")
public class DemoPlans {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlans.class);

    /** A reference plan and how the demo brings it in. */
    record Reference(String file, String official, String secretary, LocalDate approvedAt, boolean plannedMeetingAhead) {
    }

    static final List<Reference> PLANS = List.of(
            new Reference("holbaek-2023.json", "holbaek.embedsmand", "holbaek.sekretaer", LocalDate.of(2022, 12, 7), false),
            new Reference("holbaek-2025.json", "holbaek.embedsmand", "holbaek.sekretaer", LocalDate.of(2024, 12, 4), true),
            new Reference("frederikssund-2023.json", "frederikssund.embedsmand", "frederikssund.sekretaer", LocalDate.of(2022, 12, 14), false));

    /** Fictional members, "Navn; Parti; rolle" as the committee page takes them. */
    static final List<Committee.Member> MEMBERS = List.of(
            new Committee.Member("Anne Holm", "A", Committee.Role.CHAIR),
            new Committee.Member("Bo Vestergaard", "V", Committee.Role.VICE_CHAIR),
            new Committee.Member("Carina Lund", "F", Committee.Role.MEMBER),
            new Committee.Member("Dennis Krogh", "C", Committee.Role.MEMBER),
            new Committee.Member("Eva Nørgaard", "Ø", Committee.Role.MEMBER),
            new Committee.Member("Frank Olsen", "O", Committee.Role.MEMBER),
            new Committee.Member("Gitte Brandt", "A", Committee.Role.MEMBER));

    private final PlanService plans;
    private final Inbox inbox;
    private final Committees committees;
    private final Meetings meetings;
    private final Agendas agendas;
    private final Decisions decisions;
    private final JsonMapper json;
    private final DemoUsers users;
    private final TransactionOperations<Connection> transactions;

    public DemoPlans(PlanService plans, Inbox inbox, Committees committees, Meetings meetings, Agendas agendas,
                     Decisions decisions, JsonMapper json, DemoUsers users, TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.plans = plans;
        this.inbox = inbox;
        this.committees = committees;
        this.meetings = meetings;
        this.agendas = agendas;
        this.decisions = decisions;
        this.json = json;
        this.users = users;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        Thread loader = new Thread(this::load, "demo-plans");
        loader.setDaemon(true);
        loader.start();
    }

    void load() {
        for (Reference reference : PLANS) {
            try {
                loadOne(reference);
            } catch (Exception e) {
                LOG.warn("Demo plan {} not loaded", reference.file(), e);
            }
        }
    }

    private void loadOne(Reference reference) throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/demo-plans/" + reference.file())) {
            if (in == null) {
                LOG.warn("Demo plan {} is missing from the classpath", reference.file());
                return;
            }
            document = json.readValue(in.readAllBytes(), JsonNode.class);
        }
        String municipality = document.get("municipality").getStringValue();
        String title = document.get("title").getStringValue();
        CurrentUser official = new CurrentUser(reference.official(), municipality, Set.of(Roles.OFFICIAL));
        if (plans.list(official).stream().anyMatch(p -> p.title().equals(title))) {
            return; // loaded at an earlier start
        }
        // The history as it happened: imported five weeks and submitted four weeks before the meeting that approved it.
        // The back-dated services are plain objects, not beans, so their work runs in transactions opened here.
        ZoneId danish = ZoneId.of("Europe/Copenhagen");
        PlanService drafted = plans.asOf(reference.approvedAt().minusWeeks(5).atTime(10, 0).atZone(danish).toInstant());
        PlanService submitted = plans.asOf(reference.approvedAt().minusWeeks(4).atTime(10, 0).atZone(danish).toInstant());
        Plan plan = transactions.executeWrite(status -> drafted.importDocument(document, official));
        transactions.executeWrite(status -> submitted.submit(plan.id(), null, official));
        CurrentUser secretary = new CurrentUser(reference.secretary(), municipality, Set.of(Roles.SECRETARY));
        awaitInInbox(plan.id(), secretary);
        Committee committee = committee(document.get("committeeName").getStringValue(), secretary);
        // The meeting that approved the plan, recorded as on that day. The back-dated service is a plain object, not a
        // bean, so its work runs in a transaction opened here.
        Instant then = reference.approvedAt().atTime(9, 0).atZone(danish).toInstant().minus(Duration.ofDays(14));
        Instant onTheDay = reference.approvedAt().atTime(18, 0).atZone(danish).toInstant();
        transactions.executeWrite(status -> {
            Meetings.MeetingView meeting = meetings.asOf(then).create(committee.id(), reference.approvedAt(), LocalTime.of(16, 0),
                    "Rådhuset, mødelokale 1", null, secretary);
            AgendaItem item = agendas.asOf(then).placePlan(meeting.meeting().id(), plan.id(), null, null, secretary);
            decisions.asOf(onTheDay).decide(meeting.meeting().id(), item.id(), new ItemDecision.Input(ItemDecision.Outcome.APPROVED, true,
                    "Indstillingen blev godkendt.", committee.members().stream().map(Committee.Member::name).toList(),
                    List.of(), List.of(), null, null), null, secretary);
            meetings.asOf(onTheDay).close(meeting.meeting().id(), null, secretary);
            return null;
        });
        if (reference.plannedMeetingAhead()) {
            meetings.create(committee.id(), LocalDate.now().plusWeeks(3), LocalTime.of(16, 0), "Rådhuset, mødelokale 1", null,
                    secretary);
        }
        LOG.info("Demo plan '{}' ({}) imported, submitted and approved at the meeting {}", title, municipality,
                reference.approvedAt());
    }

    /**
     * The municipality's committee as the plan names it, set up once with the fictional members, explicitly as the
     * committee that decides the municipality's plans (the approval route "this committee only").
     */
    private Committee committee(String name, CurrentUser secretary) {
        return committees.list(secretary).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseGet(() -> committees.create(name, Committee.Kind.COMMITTEE, MEMBERS, List.of(secretary.username()), true,
                        secretary));
    }

    /** The submission reaches approval as a message; wait for it like the secretary would. */
    private void awaitInInbox(UUID planId, CurrentUser secretary) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (inbox.contents(secretary).plans().stream().anyMatch(i -> i.planId().equals(planId))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("submission of " + planId + " never reached approval");
    }
}
