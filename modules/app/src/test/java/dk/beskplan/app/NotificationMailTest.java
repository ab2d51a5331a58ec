package dk.beskplan.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.TestApp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mails that tell people of work given to them, as they arrive at a real SMTP server (GreenMail): the secretaries
 * of the deciding committee when a plan is submitted and when it is withdrawn, and a manager when goals are given to
 * them (the default manager when follow-up opens, another manager when a goal is reassigned). Each names the plan
 * (title, municipality, period) and links to the page; nobody else gets them, and nobody gets one twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationMailTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BASE = "https://beskplan.holbaek.dk";
    private GreenMail smtp;
    private TestApp app;
    private Api official;
    private Api secretary;

    @BeforeAll
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = TestApp.start(Map.of("beskplan.mail.enabled", true, "beskplan.mail.host", "127.0.0.1",
                "beskplan.mail.port", smtp.getSmtp().getPort(), "beskplan.mail.sweep-interval", "200ms",
                "beskplan.mail.base-url", BASE, "beskplan.followup.scheduler-enabled", false));
        Fixtures.seedUsers(app);
        UserAccounts users = app.bean(UserAccounts.class);
        users.save("a.secretary2", "Sofie Sekretær", "a.secretary2@test.beskplan.dk", Fixtures.A, Set.of(Roles.SECRETARY), Fixtures.PASSWORD);
        users.save("a.council", "Rådets Sekretær", "a.council@test.beskplan.dk", Fixtures.A, Set.of(Roles.SECRETARY), Fixtures.PASSWORD);
        users.save("a.manager2", "Mette Madsen", "a.manager2@test.beskplan.dk", Fixtures.A, Set.of(Roles.MANAGER), Fixtures.PASSWORD);
        official = Fixtures.as(app, "a.official");
        secretary = Fixtures.as(app, "a.secretary");
    }

    @AfterAll
    void stop() {
        app.close();
        smtp.stop();
    }

    @Test
    void theDecidingCommitteesSecretariesAreToldOfASubmissionAndAWithdrawal() throws Exception {
        // The deciding committee (chosen explicitly) has two secretaries; the council (not deciding here) has its own.
        Api.Response committee = secretary.post("/api/approval/committees", Map.of("name", "Udvalget for Beskæftigelse",
                "members", List.of(Map.of("name", "Anne Holm", "party", "A", "role", "CHAIR"),
                        Map.of("name", "Bo Vestergaard", "party", "V"), Map.of("name", "Carina Lund", "party", "F")),
                "secretaries", List.of("a.secretary", "a.secretary2"), "decidesPlans", true));
        Committee.check(committee, 201);
        String committeeId = (String) committee.json().get("id");
        Committee.check(secretary.post("/api/approval/committees", Map.of("name", "Byrådet", "kind", "COUNCIL",
                "members", List.of(Map.of("name", "Dorte Dahl", "party", "A")), "secretaries", List.of("a.council"))), 201);

        try (MessageProbe probe = app.probe()) {
            String planId = Fixtures.createPlan(official, Fixtures.A);
            Committee.check(official.post("/api/plans/" + planId + "/submit", Map.of()), 200);
            probe.await("drafting.plan-submitted", planId, WAIT);

            List<MimeMessage> submitted = mailsAbout(planId, 2);
            assertThat(submitted).extracting(NotificationMailTest::to)
                    .containsExactlyInAnyOrder("a.secretary@test.beskplan.dk", "a.secretary2@test.beskplan.dk");
            MimeMessage mail = submitted.stream().filter(m -> to(m).equals("a.secretary2@test.beskplan.dk")).findFirst().orElseThrow();
            assertThat(mail.getSubject()).isEqualTo("Ny plan til behandling: Beskæftigelsesplan 2026 (Holbæk Kommune, 2026)");
            assertThat(body(mail)).contains("Kære Sofie Sekretær")
                    .contains("A Official har indsendt Beskæftigelsesplan 2026 for Holbæk Kommune, perioden 2026, til behandling i"
                            + " Udvalget for Beskæftigelse (revision 1).")
                    .contains("venter på at blive sat på dagsordenen")
                    .contains(BASE + "/approval/inbox#plan-" + planId);

            // On a meeting's agenda, then taken back with a reason: the same two hear of it, with the meeting named.
            Committee secretaryDesk = new Committee(secretary);
            String meeting = secretaryDesk.meeting(committeeId, Committee.today().plusDays(7));
            secretaryDesk.place(meeting, planId);
            Committee.check(official.post("/api/plans/" + planId + "/withdraw", Map.of("reason", "Målet for sygedagpenge skal rettes")), 200);
            probe.await("drafting.plan-withdrawn", planId, WAIT);
            List<MimeMessage> all = mailsAbout(planId, 4, meeting);
            List<MimeMessage> withdrawn = all.stream().filter(m -> subject(m).startsWith("Planen er trukket tilbage")).toList();
            assertThat(withdrawn).extracting(NotificationMailTest::to)
                    .containsExactlyInAnyOrder("a.secretary@test.beskplan.dk", "a.secretary2@test.beskplan.dk");
            assertThat(subject(withdrawn.get(0))).isEqualTo("Planen er trukket tilbage: Beskæftigelsesplan 2026 (Holbæk Kommune, 2026)");
            String day = java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", java.util.Locale.forLanguageTag("da-DK"))
                    .format(Committee.today().plusDays(7));
            assertThat(body(withdrawn.get(0)))
                    .contains("A Official har trukket Beskæftigelsesplan 2026 for Holbæk Kommune, perioden 2026, tilbage fra behandlingen i"
                            + " Udvalget for Beskæftigelse (revision 1).")
                    .contains("Punktet på dagsordenen til mødet " + day + " er markeret som trukket tilbage.")
                    .contains("Begrundelse: Målet for sygedagpenge skal rettes")
                    .contains(BASE + "/approval/moeder/" + meeting);
            Thread.sleep(1000); // the sender sweeps every 200 ms: anything more queued would have arrived
            assertThat(mailsAbout(planId, 4, meeting)).as("the council's secretary and the official get none of these").hasSize(4);
        }
    }

    @Test
    void beforeAnyCommitteeIsSetUpTheMunicipalitysSecretariesAreTold() throws Exception {
        // Municipality B has no committee yet: its secretary (who will set one up) hears of the plan, named by the plan.
        Api other = Fixtures.as(app, "b.official");
        String planId = Fixtures.createPlan(other, Fixtures.B);
        Committee.check(other.post("/api/plans/" + planId + "/submit", Map.of()), 200);
        MimeMessage mail = mailsAbout(planId, 1).get(0);
        assertThat(to(mail)).isEqualTo("b.secretary@test.beskplan.dk");
        assertThat(mail.getSubject()).isEqualTo("Ny plan til behandling: Beskæftigelsesplan 2026 (Frederikssund Kommune, 2026)");
        assertThat(body(mail)).contains("til behandling i Udvalget for Beskæftigelse, Uddannelse og Erhverv (revision 1)");
    }

    @Test
    void aManagerIsToldOfTheGoalsGivenToThem() throws Exception {
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        String title = FollowUps.y("Beskæftigelsesplan 2026");
        // Follow-up opened with the municipality's default manager (the first manager, a.manager) on every goal.
        MimeMessage opened = mailsAbout(planId.toString(), 1).get(0);
        assertThat(to(opened)).isEqualTo("a.manager@test.beskplan.dk");
        assertThat(opened.getSubject()).isEqualTo("Du er ansvarlig for opfølgningen på " + title + " (Holbæk Kommune, " + FollowUps.YEAR + ")");
        assertThat(body(opened)).contains("Kære A Manager")
                .contains(title + " for Holbæk Kommune, perioden " + FollowUps.YEAR + ", er godkendt")
                .contains("- Lokalt mål 1: Flere i job").contains("1a: Mindst 75 pct. af borgerne er tilfredse med jobcentret")
                .contains("- Lokalt mål 2: Virksomhederne får hjælp").contains("2a: Jobcentret gennemfører mindst 500 virksomhedsbesøg")
                .contains("Den første status skal afgives senest 31. december " + FollowUps.YEAR)
                .contains(BASE + "/followup/planer/" + planId).contains(BASE + "/followup/opgaver");

        // The official gives goal 2 to another manager: she is told, of that goal only.
        Committee.check(official.put("/api/followup/plans/" + planId + "/goals/2/manager", Map.of("manager", "a.manager2")), 200);
        List<MimeMessage> two = mailsAbout(planId.toString(), 2);
        MimeMessage assigned = two.stream().filter(m -> to(m).equals("a.manager2@test.beskplan.dk")).findFirst().orElseThrow();
        assertThat(assigned.getSubject()).isEqualTo("Du er ansvarlig for Lokalt mål 2: Virksomhederne får hjælp i " + title
                + " (Holbæk Kommune, " + FollowUps.YEAR + ")");
        assertThat(body(assigned)).contains("Kære Mette Madsen")
                .contains("A Official har gjort dig ansvarlig for et mål i " + title + " for Holbæk Kommune, perioden " + FollowUps.YEAR)
                .contains("2a: Jobcentret gennemfører mindst 500 virksomhedsbesøg").doesNotContain("1a:")
                .contains(BASE + "/followup/planer/" + planId);

        // A manager cannot take a goal over herself (only an official or its manager gives it; issue 15), and the refusal
        // mails nobody; an unchanged assignment mails nobody either.
        Committee.check(Fixtures.as(app, "a.manager2").put("/api/followup/plans/" + planId + "/goals/1/manager",
                Map.of("manager", "a.manager2")), 403);
        Committee.check(official.put("/api/followup/plans/" + planId + "/goals/2/manager", Map.of("manager", "a.manager2")), 200);
        Thread.sleep(1500); // the sender sweeps every 200 ms: anything queued would have arrived
        assertThat(mailsAbout(planId.toString(), 2)).hasSize(2);
    }

    /** Every mail whose text mentions this plan (or its meeting), once at least {@code expected} have arrived. */
    private List<MimeMessage> mailsAbout(String planId, int expected, String... alsoAbout) {
        List<String> ids = new java.util.ArrayList<>(List.of(alsoAbout));
        ids.add(planId);
        return Eventually.await(WAIT, expected + " mails about " + ids,
                () -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> ids.stream().anyMatch(body(m)::contains)).toList(),
                list -> list.size() >= expected);
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text as the recipient reads it (decoded from its transfer encoding). */
    private static String body(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
