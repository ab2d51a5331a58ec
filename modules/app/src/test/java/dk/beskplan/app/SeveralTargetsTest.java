package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A success criterion with two targets ("mindst 120 personer i jobrotation; desuden 40 borgere i fleksjob") through the
 * API: imported, exported with both targets, submitted and approved by the committee with one target amended, and followed
 * up with one reading per target, each judged by its approved target and the criterion met only when both are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralTargetsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(Map.of("beskplan.followup.scheduler-enabled", false));
        Fixtures.seedUsers(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static Map<String, Object> document() {
        Map<String, Object> criterion = Map.of("code", "1a", "text", "Mindst 120 personer i jobrotation i løbet af året; desuden 40 borgere i fleksjob",
                "dataSource", "Jobindsats.dk", "deadline", FollowUps.y("2026-12-31"), "baselines", List.of(
                        Map.of("label", "Status 2024", "date", "2024-12", "value", 96, "unit", "COUNT"),
                        Map.of("label", "Status 2024", "date", "2024-12", "value", 31, "unit", "COUNT", "targetNumber", 2)),
                "targets", List.of(
                        Map.of("kind", "COUNT", "comparator", "AT_LEAST", "count", 120, "indicator", "Personer i jobrotation"),
                        Map.of("kind", "COUNT", "comparator", "AT_LEAST", "count", 40, "indicator", "Borgere i fleksjob")));
        // A second criterion keeps the round open while the first is reported twice (the last report completes a round).
        Map<String, Object> words = Map.of("code", "1b", "text", "Jobcentret følger udviklingen", "baselines", List.of(),
                "target", Map.of("kind", "NARRATIVE"));
        Map<String, Object> goal = Map.of("kind", "LOCAL", "label", "Lokalt mål 1", "title", "Flere i job",
                "successCriteria", List.of(criterion, words));
        return Map.of("schemaVersion", 1, "municipality", Fixtures.A, "fromYear", FollowUps.YEAR, "toYear", FollowUps.YEAR,
                "title", FollowUps.y("Beskæftigelsesplan 2026"), "committeeName", "Udvalget for Beskæftigelse", "goals", List.of(goal));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCriterionWithTwoTargetsIsApprovedAndEachTargetReportedAndJudged() {
        Api official = Fixtures.as(app, "a.official");
        Api manager = Fixtures.as(app, "a.manager");
        // A status figure names one of the criterion's targets: a third one does not exist.
        Map<String, Object> wrongTarget = new java.util.HashMap<>(document());
        Map<String, Object> goal = new java.util.HashMap<>(((List<Map<String, Object>>) wrongTarget.get("goals")).get(0));
        Map<String, Object> criterion = new java.util.HashMap<>(((List<Map<String, Object>>) goal.get("successCriteria")).get(0));
        criterion.put("baselines", List.of(Map.of("label", "Status 2024", "value", 31, "targetNumber", 3)));
        goal.put("successCriteria", List.of(criterion));
        wrongTarget.put("goals", List.of(goal));
        Api.Response refused = official.post("/api/plans/import", wrongTarget);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("goals[0].successCriteria[0].baselines[0].targetNumber")
                .contains("skal være et af kriteriets måltal, 1 til 2");

        Api.Response created = official.post("/api/plans/import", document());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String planId = (String) created.json().get("id");
        assertThat(official.get("/api/plans/" + planId + "/document").body())
                .contains("\"targets\":[{\"kind\":\"COUNT\",\"comparator\":\"AT_LEAST\",\"count\":120,\"indicator\":\"Personer i jobrotation\"},"
                        + "{\"kind\":\"COUNT\",\"comparator\":\"AT_LEAST\",\"count\":40,\"indicator\":\"Borgere i fleksjob\"}]");

        Committee.check(official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\""), 200);
        // The committee approves it with the second target raised to 41; the first stays as submitted.
        Committee committee = new Committee(Fixtures.as(app, "a.secretary"));
        String meeting = committee.meetingToday();
        String item = committee.place(meeting, planId);
        Api.Response noSuchTarget = committee.decide(meeting, item, "APPROVED_WITH_AMENDMENTS", "Godkendt med ændringer.",
                Map.of("amendments", List.of(Map.of("operation", "REPLACE", "part", "CRITERION", "goal", 1, "item", 1,
                        "measure", Map.of("targetNumber", 3, "target", Map.of("kind", "COUNT", "comparator", "AT_LEAST", "count", 41))))));
        assertThat(noSuchTarget.status()).isEqualTo(400);
        assertThat(noSuchTarget.body()).contains("succeskriterium 1 under mål 1 har ikke måltal 3 (det har 2)");
        Committee.check(committee.decide(meeting, item, "APPROVED_WITH_AMENDMENTS", "Godkendt med ændringer.",
                Map.of("amendments", List.of(Map.of("operation", "REPLACE", "part", "CRITERION", "goal", 1, "item", 1,
                        "measure", Map.of("targetNumber", 2, "target", Map.of("kind", "COUNT", "comparator", "AT_LEAST", "count", 41)))))), 201);
        Eventually.await(WAIT, "follow-up opened", () -> official.get("/api/followup/plans/" + planId + "/rounds"), r -> r.status() == 200);

        Map<String, Object> task = FollowUps.task(manager, java.util.UUID.fromString(planId), "1a");
        assertThat(task).containsEntry("targetDescription", "Mindst 120 (personer i jobrotation); mindst 41 (borgere i fleksjob)");
        assertThat((List<Map<String, Object>>) task.get("targets")).extracting(t -> t.get("description"), t -> t.get("indicator"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Mindst 120", "Personer i jobrotation"),
                        org.assertj.core.groups.Tuple.tuple("Mindst 41", "Borgere i fleksjob"));
        // Before any round, each target's reading before is the plan's status figure for it.
        assertThat((List<Map<String, Object>>) task.get("targets")).extracting(t -> t.get("previousValue")).containsExactly(96.0, 31.0);
        Object id = task.get("id");

        // One value for a criterion with two targets is refused, naming the field.
        Api.Response single = FollowUps.report(manager, id, Map.of("value", 125, "measuredOn", FollowUps.y("2026-11-30")));
        assertThat(single.status()).isEqualTo(400);
        assertThat(single.body()).contains("\"field\":\"value\"").contains("angiv en værdi for hvert i readings");

        // The live evaluation: one target missed is the criterion not met; both met is met.
        assertThat(manager.post("/api/followup/tasks/" + id + "/evaluation", Map.of("readings",
                List.of(Map.of("value", 125), Map.of("value", 40)), "measuredOn", FollowUps.y("2026-11-30"))).json())
                .as("40 met the submitted target; the approved one is 41").containsEntry("evaluation", "NOT_MET");

        Api.Response missed = FollowUps.report(manager, id, Map.of("readings", List.of(Map.of("value", 125), Map.of("value", 39)),
                "measuredOn", FollowUps.y("2026-11-30")));
        assertThat(missed.status()).as(missed.body()).isEqualTo(200);
        assertThat(missed.json()).containsEntry("evaluation", "NOT_MET").containsEntry("value", 125.0);
        assertThat((List<Map<String, Object>>) missed.json().get("targets")).extracting(t -> t.get("value"), t -> t.get("evaluation"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(125.0, "MET"), org.assertj.core.groups.Tuple.tuple(39.0, "NOT_MET"));

        Api.Response met = FollowUps.report(manager, id, Map.of("readings", List.of(Map.of("value", 125), Map.of("value", 41)),
                "measuredOn", FollowUps.y("2026-11-30")));
        assertThat(met.status()).as(met.body()).isEqualTo(200);
        assertThat(met.json()).containsEntry("evaluation", "MET");
        assertThat((List<Map<String, Object>>) FollowUps.task(official, java.util.UUID.fromString(planId), "1a").get("targets"))
                .extracting(t -> t.get("value"), t -> t.get("evaluation"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(125.0, "MET"), org.assertj.core.groups.Tuple.tuple(41.0, "MET"));

        // The last report completes the round: its status report shows each target's reading and verdict, in HTML and PDF.
        Object words = FollowUps.task(manager, java.util.UUID.fromString(planId), "1b").get("id");
        Committee.check(FollowUps.report(manager, words, Map.of("comment", "Udviklingen følges")), 200);
        String roundId = (String) official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0).get("id");
        String report = Eventually.await(WAIT, "the status report", () -> official.getAny("/api/followup/plans/" + planId + "/rounds/"
                + roundId + "/report"), r -> r.status() == 200).body();
        assertThat(report).contains("Måltal 1: Mindst 120 (Personer i jobrotation)").contains("Måltal 2: Mindst 41 (Borgere i fleksjob)")
                .contains("Udvikling for 1a, måltal 2");
        // The second target's chart starts at its own status figure (31), the first's at 96.
        assertThat(report).contains("Udvikling for 1a, måltal 1: 2024 96; ").contains("Udvikling for 1a, måltal 2: 2024 31; ");
        byte[] pdf = official.getBytes("/api/followup/plans/" + planId + "/rounds/" + roundId + "/report.pdf");
        dk.beskplan.platform.testing.PdfConformance.assertConforms("status report with several targets", pdf);
        assertThat(dk.beskplan.platform.testing.PdfConformance.text(pdf)).contains("Borgere i fleksjob");

        // The archive keeps the approved version with each target.
        List<Map<String, Object>> timeline = Eventually.await(WAIT, "the approved version in the archive",
                () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(),
                t -> t.stream().anyMatch(e -> "drafting.plan-approved".equals(e.get("type"))));
        Map<String, Object> approved = ((List<Map<String, Object>>) timeline.stream().filter(e -> "drafting.plan-approved".equals(e.get("type")))
                .findFirst().orElseThrow().get("documents")).get(0);
        assertThat(official.getAny("/arkiv/dokumenter/" + approved.get("id")).body()).contains("Måltal 2: ").contains("Borgere i fleksjob");
        assertThat(official.getAny("/api/archive/documents/" + approved.get("id")).body()).contains("\"count\": 41");
    }

    /**
     * What the task shows of a plan's dates and status figures: a deadline the plan gives as a month stays a month (the
     * API and the page), each target's reading before is on the page with its unit, and a status figure whose unit does
     * not fit the target's kind (a count before a target amended into a share) is no reading before and no chart point.
     */
    @Test
    @SuppressWarnings("unchecked")
    void monthsStayMonthsAndAStatusFigureOfAnotherUnitIsNoReadingBefore() {
        Api official = Fixtures.as(app, "a.official");
        Api manager = Fixtures.as(app, "a.manager");
        // The plan's criterion as a committee left it: its second target amended from a count (40) into a share (12 %).
        Map<String, Object> amended = new java.util.HashMap<>(((List<Map<String, Object>>) ((List<Map<String, Object>>) document()
                .get("goals")).get(0).get("successCriteria")).get(0));
        amended.put("deadline", FollowUps.y("2026-12"));
        amended.put("targets", List.of(((List<?>) amended.get("targets")).get(0),
                Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 12, "indicator", "Andel i fleksjob")));
        Map<String, Object> share = Map.of("code", "1b", "text", "Mindst 60 pct. er tilfredse", "deadline", FollowUps.y("2026-12-31"),
                "baselines", List.of(Map.of("label", "Status 2024", "date", "2024-12", "value", 52, "unit", "PERCENT")),
                "target", Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 60));
        Map<String, Object> count = Map.of("code", "1c", "text", "Mindst 500 virksomhedsbesøg", "deadline", FollowUps.y("2026-12"),
                "baselines", List.of(Map.of("label", "Status 2024", "date", "2024-12", "value", 52, "unit", "PERCENT")),
                "target", Map.of("kind", "COUNT", "comparator", "AT_LEAST", "count", 500));
        Map<String, Object> document = new java.util.HashMap<>(document());
        document.put("goals", List.of(Map.of("kind", "LOCAL", "label", "Lokalt mål 1", "title", "Flere i job",
                "successCriteria", List.of(amended, share, count))));
        java.util.UUID planId = FollowUps.approve(app, Fixtures.A, document, official);

        Map<String, Object> task = FollowUps.task(manager, planId, "1a");
        assertThat(task).containsEntry("deadline", FollowUps.y("2026-12"));
        assertThat((List<Map<String, Object>>) task.get("targets")).extracting(t -> t.get("deadline"), t -> t.get("previousValue"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FollowUps.y("2026-12"), 96.0),
                        org.assertj.core.groups.Tuple.tuple(FollowUps.y("2026-12"), null));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(manager.getPage("/followup/opgaver/" + task.get("id")).body());
        assertThat(page.select("#targets thead th").eachText()).contains("Forrige måling");
        assertThat(page.select("#targets tbody tr").eachText()).containsExactly(
                "Mindst 120 Personer i jobrotation " + FollowUps.y("december 2026") + " 96 – Mangler",
                "Mindst 12 % Andel i fleksjob " + FollowUps.y("december 2026") + " – – Mangler");
        assertThat(page.select(".target p").eachText()).contains(FollowUps.y("Frist for målet: december 2026"));

        Map<String, Object> shareTask = FollowUps.task(manager, planId, "1b");
        assertThat(shareTask).containsEntry("deadline", FollowUps.y("2026-12-31")).containsEntry("previousValue", 52.0);
        page = org.jsoup.Jsoup.parse(manager.getPage("/followup/opgaver/" + shareTask.get("id")).body());
        assertThat(page.select(".target p").eachText()).contains("Forrige måling: 52 %", FollowUps.y("Frist for målet: 31. december 2026"));

        Map<String, Object> countTask = FollowUps.task(manager, planId, "1c");
        assertThat(countTask).containsEntry("deadline", FollowUps.y("2026-12"));
        assertThat(countTask.get("previousValue")).as("a figure in percent is no reading before of a count").isNull();
        page = org.jsoup.Jsoup.parse(manager.getPage("/followup/opgaver/" + countTask.get("id")).body());
        assertThat(page.select(".target p").eachText()).noneMatch(p -> p.startsWith("Forrige måling"))
                .contains(FollowUps.y("Frist for målet: december 2026"));

        // The status report: the figure in another unit is no first point of the target's chart.
        Committee.check(FollowUps.report(manager, task.get("id"), Map.of("readings", List.of(Map.of("value", 125), Map.of("value", 13)),
                "measuredOn", FollowUps.y("2026-11-30"))), 200);
        Committee.check(FollowUps.report(manager, shareTask.get("id"), Map.of("value", 61, "measuredOn", FollowUps.y("2026-11-30"))), 200);
        Committee.check(FollowUps.report(manager, countTask.get("id"), Map.of("value", 510, "measuredOn", FollowUps.y("2026-11-30"))), 200);
        String roundId = (String) official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0).get("id");
        String report = Eventually.await(WAIT, "the status report", () -> official.getAny("/api/followup/plans/" + planId + "/rounds/"
                + roundId + "/report"), r -> r.status() == 200).body();
        assertThat(report).contains("Udvikling for 1a, måltal 1: 2024 96; ").contains("Udvikling for 1b: 2024 52; ")
                .contains("Udvikling for 1a, måltal 2: ").doesNotContain("Udvikling for 1a, måltal 2: 2024")
                .contains("Udvikling for 1c: ").doesNotContain("Udvikling for 1c: 2024");
    }
}
