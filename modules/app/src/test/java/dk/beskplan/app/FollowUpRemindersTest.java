package dk.beskplan.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.beskplan.followup.application.Reminders;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders that really arrive, exactly once: two application instances on one database run their reminder
 * schedulers at the same moment, day by day through a round's deadline, and a real SMTP server (GreenMail) counts
 * what arrives. A third instance started afterwards (a restart) sends nothing again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpRemindersTest {
    private static final LocalDate DUE = LocalDate.of(FollowUps.YEAR, 12, 31);
    private GreenMail smtp;
    private TestApp first;
    private TestApp second;
    private Map<String, Object> mailProps;

    @BeforeAll
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // The schedulers' own clocks are switched off: the test says which day it is, on both instances at once.
        mailProps = Map.of("beskplan.mail.enabled", true, "beskplan.mail.host", "127.0.0.1", "beskplan.mail.port", smtp.getSmtp().getPort(),
                "beskplan.mail.sweep-interval", "200ms", "beskplan.followup.scheduler-enabled", false,
                "beskplan.mail.base-url", "https://beskplan.holbaek.dk");
        first = TestApp.start(mailProps);
        second = first.another(mailProps);
        Fixtures.seedUsers(first);
        first.bean(dk.beskplan.platform.security.UserAccounts.class).save("a.manager2", "Mette Madsen", "a.manager2@test.beskplan.dk",
                Fixtures.A, Set.of(dk.beskplan.platform.security.Roles.MANAGER), Fixtures.PASSWORD);
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
        smtp.stop();
    }

    /** Both instances run a scheduler pass at the same instant, three times over; returns the claims each won. */
    private List<Reminders.Tick> bothAt(LocalDate today) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Reminders.Tick> ticks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Callable<Reminders.Tick>> passes = List.of(first, second).stream().<Callable<Reminders.Tick>>map(app -> () -> {
                    together.await();
                    return app.bean(Reminders.class).tick(today);
                }).toList();
                for (Future<Reminders.Tick> f : pool.invokeAll(passes)) {
                    ticks.add(f.get());
                }
            }
            return ticks;
        } finally {
            pool.shutdown();
        }
    }

    private static int sent(List<Reminders.Tick> ticks) {
        return ticks.stream().mapToInt(t -> t.reminders() + t.escalations()).sum();
    }

    /** Waits for the expected number of reminders and escalations in all, then a while longer to see that no more come. */
    private List<MimeMessage> mails(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (reminders().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        return reminders();
    }

    /** Every mail but those telling a manager of goals given to them (NotificationMailTest's). */
    private List<MimeMessage> reminders() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return !m.getSubject().startsWith("Du er ansvarlig for");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> subjected(List<MimeMessage> mails, String subject) {
        return mails.stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plan approved after its period (its rounds were due before follow-up opened) reminds and escalates no one. */
    @Test
    void roundsAlreadyDueWhenFollowUpOpenedRemindNoOne() throws Exception {
        Api official = Fixtures.as(first, "a.official");
        Map<String, Object> lastYear = new HashMap<>(FollowUps.document(Fixtures.A));
        lastYear.put("fromYear", FollowUps.YEAR - 1);
        lastYear.put("toYear", FollowUps.YEAR - 1);
        lastYear.put("title", "Beskæftigelsesplan " + (FollowUps.YEAR - 1));
        UUID planId = FollowUps.approve(first, Fixtures.A, lastYear, official);
        LocalDate due = LocalDate.of(FollowUps.YEAR - 1, 12, 31);
        for (LocalDate day : List.of(due.minusDays(14), due, due.plusDays(1), LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")))) {
            bothAt(day);
        }
        assertThat(official.get("/api/followup/plans/" + planId + "/rounds").jsonList()).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("state", "OPEN").containsEntry("dueDate", due.toString()));
        assertThat(Fixtures.as(first, "a.manager").get("/api/followup/tasks").jsonList())
                .noneMatch(t -> planId.toString().equals(t.get("planId")));
        Thread.sleep(1000);
        assertThat(reminders().stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).noneMatch(subject -> subject.contains("Beskæftigelsesplan " + (FollowUps.YEAR - 1)));
        // It can still be reported on after the fact, from the plan's page.
        assertThat(FollowUps.report(official, FollowUps.task(official, planId, "2a").get("id"),
                Map.of("value", 501, "measuredOn", due.toString())).status()).isEqualTo(200);
    }

    @Test
    void eachStageReachesEachRecipientExactlyOnce() throws Exception {
        Api official = Fixtures.as(first, "a.official");
        Map<String, Object> settings = new HashMap<>(official.get("/api/followup/settings").json());
        Api.Response set = official.put("/api/followup/settings", Map.of("escalationName", "Jobcenterchef Jens Juhl",
                "escalationEmail", "jobcenterchef@test.beskplan.dk", "version", settings.get("version")));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        UUID planId = FollowUps.approve(first, Fixtures.A, FollowUps.document(Fixtures.A), official);
        // Goal 2 belongs to another manager: two recipients for every reminder.
        Api.Response assigned = official.put("/api/followup/plans/" + planId + "/goals/2/manager", Map.of("manager", "a.manager2"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        Map<String, Object> countTask = FollowUps.task(official, planId, "2a");
        assertThat(countTask).containsEntry("owner", "a.manager2");

        assertThat(sent(bothAt(DUE.minusDays(15)))).as("nothing before the first offset").isZero();
        assertThat(sent(bothAt(DUE.minusDays(14)))).as("14 days before: one per manager, won by one instance each").isEqualTo(2);
        List<MimeMessage> mails = mails(2);
        assertThat(mails).extracting(FollowUpRemindersTest::to)
                .containsExactlyInAnyOrder("a.manager@test.beskplan.dk", "a.manager2@test.beskplan.dk");
        MimeMessage toManager = mails.stream().filter(m -> to(m).equals("a.manager@test.beskplan.dk")).findFirst().orElseThrow();
        assertThat(toManager.getSubject()).isEqualTo(FollowUps.y("Påmindelse: status på Beskæftigelsesplan 2026 – Årlig status 2026, frist 31. december 2026"));
        Map<String, Object> shareTask = FollowUps.task(official, planId, "1a");
        String text = (String) toManager.getContent();
        assertThat(text).contains("Kære A Manager").contains(FollowUps.y("Beskæftigelsesplan 2026 (Holbæk Kommune), Årlig status 2026"))
                .contains(java.time.format.DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy", java.util.Locale.forLanguageTag("da-DK"))
                        .format(DUE) + " (om 14 dage)").contains("Lokalt mål 1: Flere i job")
                .contains("1a: Mindst 75 pct. af borgerne er tilfredse med jobcentret")
                .contains("1b: Andelen i beskæftigelse skal ligge 5 procentpoint over landsgennemsnittet")
                .contains("Afgiv status: https://beskplan.holbaek.dk/followup/opgaver/" + shareTask.get("id"))
                .doesNotContain("2a:");

        assertThat(sent(bothAt(DUE.minusDays(10)))).as("same stage, nothing new").isZero();
        assertThat(sent(bothAt(DUE.minusDays(3)))).isEqualTo(2);
        List<MimeMessage> four = mails(4);
        assertThat(four).hasSize(4);
        assertThat(subjected(four, toManager.getSubject())).as("the 3-day reminder names the same due date").hasSize(4);

        // Manager 2 reports; on the due day only the manager with missing criteria is reminded.
        Api manager2 = Fixtures.as(first, "a.manager2");
        Api.Response reported = FollowUps.report(manager2, countTask.get("id"), Map.of("value", 512, "measuredOn", FollowUps.y("2025-11-30"),
                "comment", "Flere besøg end planlagt"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        assertThat(sent(bothAt(DUE))).isEqualTo(1);
        List<MimeMessage> afterDueDay = mails(5);
        assertThat(afterDueDay).hasSize(5);
        List<MimeMessage> dueDay = subjected(afterDueDay, FollowUps.y("Frist i dag: status på Beskæftigelsesplan 2026 – Årlig status 2026"));
        assertThat(dueDay).extracting(FollowUpRemindersTest::to).containsExactly("a.manager@test.beskplan.dk");

        // Overdue: escalation to the named contact, once; the report goes to the committee with the missing marked.
        try (MessageProbe probe = first.probe()) {
            List<Reminders.Tick> overdue = bothAt(DUE.plusDays(1));
            assertThat(overdue.stream().mapToInt(Reminders.Tick::escalations).sum()).isEqualTo(1);
            assertThat(overdue.stream().mapToInt(Reminders.Tick::reportsCompiled).sum()).isEqualTo(1);
            var submitted = probe.await("followup.status-report-submitted", planId, FollowUps.WAIT);
            assertThat((String) submitted.payload().get("summary")).contains("Af 3 succeskriterier er 1 nået").contains("2 mangler status");
        }
        List<MimeMessage> all = mails(6);
        assertThat(all).hasSize(6);
        List<MimeMessage> escalations = all.stream().filter(m -> to(m).equals("jobcenterchef@test.beskplan.dk")).toList();
        assertThat(escalations).hasSize(1);
        MimeMessage escalation = escalations.get(0);
        assertThat(escalation.getSubject()).isEqualTo(FollowUps.y("Frist overskredet: status mangler på Beskæftigelsesplan 2026 – Årlig status 2026"));
        assertThat((String) escalation.getContent()).contains("Kære Jobcenterchef Jens Juhl").contains("Der mangler stadig status på 2 succeskriterier")
                .contains("Lokalt mål 1: Flere i job (ansvarlig: A Manager)").doesNotContain("2a:")
                .contains("https://beskplan.holbaek.dk/followup/planer/" + planId);

        // A restarted instance finds every claim and sends nothing again.
        try (TestApp restarted = first.another(mailProps)) {
            for (LocalDate day : List.of(DUE.minusDays(14), DUE.minusDays(3), DUE, DUE.plusDays(1), DUE.plusDays(9))) {
                assertThat(sent(List.of(restarted.bean(Reminders.class).tick(day)))).isZero();
            }
        }
        assertThat(mails(6)).hasSize(6);
    }
}
