package dk.beskplan.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.beskplan.followup.application.Reminders;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.SettableClock;
import dk.beskplan.platform.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole plan year in one run, with time as an input: the application's clock is set day by day (no waiting, no
 * mocks), the reminder pass runs as the scheduler would on each of those days, and a real SMTP server (GreenMail)
 * receives what is sent. Mid-year round: reminded 14 days before, fully reported, noted by the committee. Annual round:
 * reminded 14 and 3 days before and on the day, shown overdue the day after, escalated with the report sent with
 * what is missing marked, reported late, noted; the last round noted closes the plan's follow-up. A target that ends at
 * mid-year is asked for in the mid-year round only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowUpPlanYearTest {
    private static final int YEAR = 2030;
    private GreenMail smtp;
    private TestApp app;
    private SettableClock clock;

    @BeforeAll
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = TestApp.start(Map.of(SettableClock.PROPERTY, true, "beskplan.followup.scheduler-enabled", false,
                "beskplan.mail.enabled", true, "beskplan.mail.host", "127.0.0.1", "beskplan.mail.port", smtp.getSmtp().getPort(),
                "beskplan.mail.sweep-interval", "200ms", "beskplan.mail.base-url", "https://beskplan.holbaek.dk"));
        clock = app.bean(SettableClock.class);
        clock.setDay(LocalDate.of(YEAR, 1, 15));
        Fixtures.seedUsers(app);
        // Holbæk (A) reports at mid-year too and escalates to its job centre director.
        Api official = as("a.official");
        Map<String, Object> settings = official.get("/api/followup/settings").json();
        Api.Response set = official.put("/api/followup/settings", Map.of("midYear", true, "escalationName", "Jobcenterchef Jens Juhl",
                "escalationEmail", "jobcenterchef@test.beskplan.dk", "version", settings.get("version")));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        app.close();
        smtp.stop();
    }

    /** A fresh login: days pass between the steps, and sessions expire as they would. */
    private Api as(String user) {
        return Fixtures.as(app, user);
    }

    /** The scheduler's pass on the clock's day. */
    private Reminders.Tick pass() {
        return app.bean(Reminders.class).tickNow();
    }

    private Reminders.Tick on(int month, int day) {
        clock.setDay(LocalDate.of(month == 1 && day < 15 ? YEAR + 1 : YEAR, month, day));
        return pass();
    }

    /** The reminders and escalations received (not the mail telling a manager of the goals they answer for). */
    private List<MimeMessage> mails(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (reminders().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        return reminders();
    }

    private List<MimeMessage> reminders() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> !subject(m).startsWith("Du er ansvarlig for")).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> document() {
        Map<String, Object> share = Map.of("code", "1a", "text", "Mindst 75 pct. af borgerne er tilfredse med jobcentret",
                "indicator", "Tilfredshed", "deadline", YEAR + "-12-31", "baselines", List.of(),
                "target", Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 75));
        Map<String, Object> visits = Map.of("code", "2a", "text", "Jobcentret gennemfører mindst 500 virksomhedsbesøg",
                "deadline", YEAR + "-12-31", "baselines", List.of(), "target", Map.of("kind", "COUNT", "comparator", "AT_LEAST", "count", 500));
        Map<String, Object> halfYear = Map.of("code", "2b", "text", "Mindst 40 virksomheder får en fast kontaktperson i første halvår",
                "deadline", YEAR + "-06-30", "baselines", List.of(), "target", Map.of("kind", "COUNT", "comparator", "AT_LEAST", "count", 40));
        return Map.of("schemaVersion", 1, "municipality", Fixtures.A, "fromYear", YEAR, "toYear", YEAR,
                "title", "Beskæftigelsesplan " + YEAR, "committeeName", "Udvalget for Beskæftigelse",
                "goals", List.of(
                        Map.of("kind", "LOCAL", "label", "Lokalt mål 1", "title", "Flere i job", "successCriteria", List.of(share)),
                        Map.of("kind", "LOCAL", "label", "Lokalt mål 2", "title", "Virksomhederne får hjælp",
                                "successCriteria", List.of(visits, halfYear))));
    }

    /** The secretary puts the report on a meeting held on the clock's day and the committee notes it. */
    private void committeeNotes(String reportId) {
        Committee committee = new Committee(as("a.secretary"));
        committee.notes(committee.meeting(committee.committeeId(), clock.today()), reportId);
    }

    private Map<String, Object> round(UUID planId, String label) {
        return as("a.official").get("/api/followup/plans/" + planId + "/rounds").jsonList().stream()
                .filter(r -> label.equals(r.get("label"))).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void aPlanYearFromOpeningToClosing() throws Exception {
        Api official = as("a.official");

        try (MessageProbe probe = app.probe()) {
            UUID planId = FollowUps.approve(app, Fixtures.A, document(), official);
            String midYear = "Halvårsstatus " + YEAR;
            String annual = "Årlig status " + YEAR;
            assertThat(round(planId, midYear)).containsEntry("tasks", 3).containsEntry("dueDate", YEAR + "-06-30");
            assertThat(round(planId, annual)).as("2b's target ends at mid-year: not asked for again")
                    .containsEntry("tasks", 2).containsEntry("dueDate", YEAR + "-12-31");

            // ---- mid-year: reminded 14 days before, reported in full, noted ----
            assertThat(on(6, 15).reminders()).as("15 days before: nothing yet").isZero();
            assertThat(on(6, 16).reminders()).as("14 days before").isEqualTo(1);
            assertThat(mails(1).stream().map(FollowUpPlanYearTest::subject))
                    .containsExactly("Påmindelse: status på Beskæftigelsesplan " + YEAR + " – " + midYear + ", frist 30. juni " + YEAR);
            clock.setDay(LocalDate.of(YEAR, 6, 20));
            Api manager = as("a.manager");
            for (Map.Entry<String, Integer> value : Map.of("1a", 80, "2a", 260, "2b", 45).entrySet()) {
                String code = value.getKey();
                Map<String, Object> task = FollowUps.tasks(manager, planId).stream()
                        .filter(t -> code.equals(t.get("code")) && midYear.equals(t.get("roundLabel"))).findFirst().orElseThrow();
                Api.Response saved = FollowUps.report(manager, task.get("id"), Map.of("value", value.getValue(), "measuredOn", YEAR + "-06-15",
                        "comment", "Halvårets tal"));
                assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            }
            var midYearReport = probe.await("followup.status-report-submitted", m -> planId.toString().equals(m.planId())
                    && midYear.equals(m.payload().get("roundLabel")), FollowUps.WAIT);
            assertThat(midYearReport.payload()).containsEntry("measuredOn", YEAR + "-06-15");
            committeeNotes((String) midYearReport.payload().get("reportId"));
            Eventually.await(FollowUps.WAIT, "the mid-year round noted", () -> round(planId, midYear), r -> "NOTED".equals(r.get("state")));

            // ---- the annual round: 14 and 3 days before, the due day ----
            assertThat(on(12, 16).reminders()).isZero();
            assertThat(on(12, 17).reminders()).as("14 days before").isEqualTo(1);
            assertThat(on(12, 20).reminders()).as("same stage: nothing new").isZero();
            assertThat(on(12, 28).reminders()).as("3 days before").isEqualTo(1);
            clock.setDay(LocalDate.of(YEAR, 12, 29));
            manager = as("a.manager");
            Map<String, Object> satisfaction = FollowUps.tasks(manager, planId).stream()
                    .filter(t -> "1a".equals(t.get("code")) && annual.equals(t.get("roundLabel"))).findFirst().orElseThrow();
            assertThat(FollowUps.report(manager, satisfaction.get("id"), Map.of("value", 78, "measuredOn", YEAR + "-12-15")).status())
                    .isEqualTo(200);
            assertThat(on(12, 31).reminders()).as("the due day").isEqualTo(1);
            List<MimeMessage> four = mails(4);
            MimeMessage dueDay = four.get(3);
            assertThat(subject(dueDay)).isEqualTo("Frist i dag: status på Beskæftigelsesplan " + YEAR + " – " + annual);
            assertThat(text(dueDay)).contains("2a: Jobcentret gennemfører mindst 500 virksomhedsbesøg").doesNotContain("1a:")
                    .as("2b ended at mid-year").doesNotContain("2b:");

            // ---- the day after: overdue on "Mine opgaver", escalated, the report sent with what is missing ----
            clock.setDay(LocalDate.of(YEAR + 1, 1, 1));
            String page = as("a.manager").getPage("/followup/opgaver").body();
            assertThat(page).contains("Overskredet").contains("overskredet med 1 dag");
            assertThat(page.indexOf("Overskredet")).as("at the top").isLessThan(page.indexOf("Frister i din kalender"));
            Reminders.Tick overdue = pass();
            assertThat(overdue.escalations()).isEqualTo(1);
            assertThat(overdue.reminders()).as("the manager is told it is overdue").isEqualTo(1);
            assertThat(overdue.reportsCompiled()).isEqualTo(1);
            assertThat(pass()).as("nothing twice").isEqualTo(new Reminders.Tick(0, 0, 0));
            var annualReport = probe.await("followup.status-report-submitted", m -> planId.toString().equals(m.planId())
                    && annual.equals(m.payload().get("roundLabel")), FollowUps.WAIT);
            assertThat((String) annualReport.payload().get("summary")).contains("Af 2 succeskriterier er 1 nået").contains("1 mangler status");
            assertThat((String) annualReport.payload().get("reportHtml")).as("2b's last reading carried into the annual report")
                    .contains("Målets frist var 30. juni " + YEAR);
            List<MimeMessage> six = mails(6);
            MimeMessage escalation = six.stream().filter(m -> to(m).equals("jobcenterchef@test.beskplan.dk")).findFirst().orElseThrow();
            assertThat(subject(escalation)).isEqualTo("Frist overskredet: status mangler på Beskæftigelsesplan " + YEAR + " – " + annual);
            assertThat(text(escalation)).contains("Kære Jobcenterchef Jens Juhl").contains("Der mangler stadig status på 1 succeskriterium")
                    .contains("Lokalt mål 2: Virksomhederne får hjælp (ansvarlig: A Manager)")
                    .contains("https://beskplan.holbaek.dk/followup/planer/" + planId);
            MimeMessage toManager = six.stream().filter(m -> subject(m).startsWith("Frist overskredet: din status")).findFirst().orElseThrow();
            assertThat(to(toManager)).isEqualTo("a.manager@test.beskplan.dk");
            assertThat(text(toManager)).contains("Du kan stadig afgive status").contains("2a: Jobcentret gennemfører mindst 500 virksomhedsbesøg");

            // Still overdue for the manager after the report went (it is still owed), then reported late.
            manager = as("a.manager");
            page = manager.getPage("/followup/opgaver").body();
            assertThat(page).contains("Overskredet").contains("markeret som manglende");
            Map<String, Object> visits = FollowUps.tasks(manager, planId).stream()
                    .filter(t -> "2a".equals(t.get("code")) && annual.equals(t.get("roundLabel"))).findFirst().orElseThrow();
            Api.Response late = FollowUps.report(manager, visits.get("id"), Map.of("value", 512, "measuredOn", YEAR + "-12-31"));
            assertThat(late.status()).as(late.body()).isEqualTo(200);
            assertThat(manager.get("/api/followup/tasks").jsonList()).noneMatch(t -> planId.toString().equals(t.get("planId")));
            assertThat(round(planId, annual)).containsEntry("state", "SUBMITTED").containsEntry("reported", 2);

            // ---- the committee notes the annual report: the last round closes the plan's follow-up ----
            clock.setDay(LocalDate.of(YEAR + 1, 1, 10));
            committeeNotes((String) annualReport.payload().get("reportId"));
            var closed = probe.await("followup.follow-up-closed", planId, FollowUps.WAIT);
            assertThat(closed.payload()).containsEntry("rounds", 2).containsEntry("reportsNoted", 2).containsEntry("closedOn", (YEAR + 1) + "-01-10");
            assertThat(round(planId, annual)).containsEntry("state", "NOTED");
            List<Map<String, Object>> past = as("a.manager").get("/api/followup/tasks/past").jsonList();
            assertThat(past).filteredOn(p -> planId.toString().equals(((Map<?, ?>) p.get("round")).get("planId").toString()))
                    .extracting(p -> (Object) ((Map<?, ?>) p.get("round")).get("label")).as("newest first").containsExactly(annual, midYear);
            assertThat(as("a.official").get("/api/followup/plans").jsonList()).filteredOn(p -> planId.toString().equals(p.get("planId")))
                    .singleElement().satisfies(p -> assertThat(p).containsEntry("state", "CLOSED").containsEntry("waiting", false));
        }
        assertThat(mails(6)).as("nothing more was sent").hasSize(6);
    }

    /** What an official does with a plan whose period is over and whose rounds were never followed up here. */
    @Test
    @Order(2)
    void anOfficialClosesAHistoricRoundAndThenThePlansFollowUp() throws Exception {
        clock.setDay(LocalDate.of(YEAR + 2, 3, 1));
        Api official = as("a.official");
        Map<String, Object> doc = new HashMap<>(document());
        doc.put("title", "Beskæftigelsesplan " + YEAR + " (historisk)");
        try (MessageProbe probe = app.probe()) {
            UUID planId = FollowUps.approve(app, Fixtures.A, doc, official);
            List<Map<String, Object>> rounds = official.get("/api/followup/plans/" + planId + "/rounds").jsonList();
            assertThat(official.get("/api/followup/plans").jsonList()).filteredOn(p -> planId.toString().equals(p.get("planId")))
                    .singleElement().satisfies(p -> assertThat(p).containsEntry("waiting", true).containsEntry("overdueRounds", 2));
            String first = (String) rounds.get(0).get("id");
            Api.Response noReason = official.post("/api/followup/plans/" + planId + "/rounds/" + first + "/not-followed-up", Map.of());
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.body()).contains("\"field\":\"reason\"");
            Api.Response byManager = as("a.manager").post("/api/followup/plans/" + planId + "/rounds/" + first + "/not-followed-up",
                    Map.of("reason", "Gammel"));
            assertThat(byManager.status()).isEqualTo(403);
            Api.Response closed = official.post("/api/followup/plans/" + planId + "/rounds/" + first + "/not-followed-up",
                    Map.of("reason", "Fulgt op uden for Beskplan"));
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            assertThat(closed.json()).containsEntry("state", "NOT_FOLLOWED_UP").containsEntry("closedReason", "Fulgt op uden for Beskplan");
            var message = probe.await("followup.round-not-followed-up", planId, FollowUps.WAIT);
            assertThat(message.payload()).containsEntry("reason", "Fulgt op uden for Beskplan").containsEntry("missing", 3);
            assertThat(message.actor()).isEqualTo("a.official");
            Eventually.await(FollowUps.WAIT, "archived", () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(),
                    t -> t.stream().anyMatch(e -> ("Runde ikke fulgt op: Halvårsstatus " + YEAR + " – Fulgt op uden for Beskplan").equals(e.get("what"))));

            // The plan's follow-up: a reason is required while the annual round is outstanding.
            Api.Response withoutReason = official.post("/api/followup/plans/" + planId + "/close", Map.of());
            assertThat(withoutReason.status()).isEqualTo(400);
            Api.Response done = official.post("/api/followup/plans/" + planId + "/close", Map.of("reason", "Planperioden er slut"));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(done.json()).containsEntry("state", "CLOSED");
            assertThat(probe.await("followup.follow-up-closed", planId, FollowUps.WAIT).payload()).containsEntry("reason", "Planperioden er slut");
            assertThat(as("a.manager").get("/api/followup/tasks").jsonList()).noneMatch(t -> planId.toString().equals(t.get("planId")));
        }
    }
}
