package dk.beskplan.app.demo;

import dk.beskplan.approval.application.ApprovalService;
import dk.beskplan.approval.domain.Submission;
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
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Demo mode only: the three reference plans, brought in the way a municipality would — imported by an
 * official, submitted, and approved by the committee secretary once the submission has travelled to
 * approval over RabbitMQ. Runs in the background so start-up is not held up.
 */
@Singleton
@Requires(env = "demo")
public class DemoPlans {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlans.class);

    /** A reference plan and how the demo brings it in. */
    record Reference(String file, String official, String secretary, LocalDate approvedAt) {
    }

    static final List<Reference> PLANS = List.of(
            new Reference("holbaek-2023.json", "holbaek.embedsmand", "holbaek.sekretaer", LocalDate.of(2022, 12, 7)),
            new Reference("holbaek-2025.json", "holbaek.embedsmand", "holbaek.sekretaer", LocalDate.of(2024, 12, 4)),
            new Reference("frederikssund-2023.json", "frederikssund.embedsmand", "frederikssund.sekretaer", LocalDate.of(2022, 12, 14)));

    private final PlanService plans;
    private final ApprovalService approval;
    private final JsonMapper json;
    private final DemoUsers users;

    public DemoPlans(PlanService plans, ApprovalService approval, JsonMapper json, DemoUsers users) {
        this.plans = plans;
        this.approval = approval;
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
                LOG.warn("Demo plan {} not loaded: {}", reference.file(), e.toString());
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
        Plan plan = plans.importDocument(document, official);
        plans.submit(plan.id(), null, official);
        CurrentUser secretary = new CurrentUser(reference.secretary(), municipality, Set.of(Roles.SECRETARY));
        awaitInInbox(plan.id(), secretary);
        approval.decide(plan.id(), Submission.Outcome.APPROVED, reference.approvedAt(), null, secretary);
        LOG.info("Demo plan '{}' ({}) imported, submitted and approved", title, municipality);
    }

    /** The submission reaches approval as a message; wait for it like the secretary would. */
    private void awaitInInbox(UUID planId, CurrentUser secretary) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (approval.inbox(secretary).stream().anyMatch(i -> i.planId().equals(planId))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("submission of " + planId + " never reached approval");
    }
}
