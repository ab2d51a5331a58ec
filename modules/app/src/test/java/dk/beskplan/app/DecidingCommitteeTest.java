package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which committee decides a municipality's plans is the secretary's explicit choice (issue 15, finding 10): while the
 * approval route is unset, no committee decides because it exists, was created first or sorts first. A plan cannot go
 * on an agenda until the route is set; the refusal names the field, and nothing changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecidingCommitteeTest {
    private TestApp app;
    private Api official;
    private Api secretary;

    @BeforeAll
    void start() {
        app = TestApp.start();
        Fixtures.seedUsers(app);
        official = Fixtures.as(app, "a.official");
        secretary = Fixtures.as(app, "a.secretary");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void withoutARouteNoCommitteeDecidesUntilTheSecretaryChoosesOne() {
        Committee committee = new Committee(secretary);
        String planId = Fixtures.createPlan(official, Fixtures.A);
        Committee.check(official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\""), 200);
        committee.awaitInInbox(planId);

        // Two committees, neither chosen; the one created later sorts first ("Børne…" before "Udvalget…").
        String employment = created("Udvalget for Beskæftigelse");
        String children = created("Børne- og Ungeudvalget");
        assertThat(secretary.get("/api/approval/route").json()).containsEntry("configured", false);
        assertThat(committee.inboxPlans()).singleElement().satisfies(p -> assertThat(p.get("decidingCommitteeId")).isNull());

        // Neither committee's meeting may take the plan: the refusal names the route; the plan stays in the in-box.
        for (String committeeId : List.of(children, employment)) {
            String meeting = committee.meeting(committeeId, Committee.today());
            Api.Response refused = secretary.post("/api/approval/meetings/" + meeting + "/agenda", Map.of("kind", "PLAN", "planId", planId));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").toString()).contains("field=route").contains("Godkendelsesforløbet er ikke fastlagt");
            assertThat((List<?>) secretary.get("/api/approval/meetings/" + meeting).json().getOrDefault("agenda", List.of())).isEmpty();
        }
        assertThat(committee.inboxPlans()).singleElement().satisfies(p -> assertThat(p).containsEntry("planId", planId));

        // The page says so too, in Danish, where the secretary sets the route up.
        assertThat(secretary.getPage("/approval/udvalg").body()).contains("Godkendelsesforløbet er ikke fastlagt endnu");

        // The secretary chooses: employment decides. Only its meeting takes the plan now.
        Committee.check(secretary.put("/api/approval/route", Map.of("stages", List.of(Map.of("kind", "DECISION",
                "committeeId", employment))), "If-Match", "\"-1\""), 200);
        String childrensMeeting = committee.meeting(children, Committee.today().plusDays(1));
        assertThat(secretary.post("/api/approval/meetings/" + childrensMeeting + "/agenda", Map.of("kind", "PLAN", "planId", planId))
                .status()).isEqualTo(409);
        committee.place(committee.meeting(employment, Committee.today().plusDays(2)), planId);

        // Choosing a deciding committee at creation is refused once a route is set: it would silently replace it.
        Api.Response late = secretary.post("/api/approval/committees", Map.of("name", "Økonomiudvalget",
                "members", List.of(Map.of("name", "Anne Holm", "party", "A")), "decidesPlans", true));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("errors").toString()).contains("field=decidesPlans");
        assertThat(secretary.get("/api/approval/committees").jsonList()).hasSize(2);
    }

    private String created(String name) {
        Api.Response created = secretary.post("/api/approval/committees", Map.of("name", name,
                "members", List.of(Map.of("name", "Anne Holm", "party", "A", "role", "CHAIR"))));
        Committee.check(created, 201);
        return (String) created.json().get("id");
    }
}
