package dk.beskplan.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.beskplan.administration.application.CreateAdminCommand;
import dk.beskplan.followup.application.Reminders;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import io.micronaut.context.BeanContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.apache.pdfbox.Loader;
import org.openqa.selenium.By;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality starts using Beskplan without the demo, in a real browser: from an empty database the system
 * administrator is created the way the command line does it, signs in, activates 169 Høje-Taastrup with a local
 * administrator, who chooses a password from the mailed link and invites an official, a secretary and a manager;
 * each chooses a password; the official imports and submits a plan, the secretary sets up the committee and a
 * meeting and approves it, and the manager owns the goals and gets the reminder. Also: a deactivated user's open
 * session ends at the next request, used and expired links are refused, a local administrator cannot reach another
 * municipality nor grant ADMIN, and every administrative act is in the archive, which verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdministrationInTheBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN_PASSWORD = "ti grønne frøer hopper i søen";
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/adgangskode/[A-Za-z0-9_-]{43})");
    private GreenMail smtp;
    private TestApp app;
    private Browser browser;

    @BeforeAll
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // No Fixtures, no demo: the database holds nothing but the catalogue of municipalities.
        app = TestApp.start(Map.of("beskplan.mail.enabled", true, "beskplan.mail.host", "127.0.0.1",
                "beskplan.mail.port", smtp.getSmtp().getPort(), "beskplan.mail.sweep-interval", "200ms",
                "beskplan.followup.scheduler-enabled", false));
        browser = new Browser(app.url());
        assertThat(createAdmin("ada", "ada@beskplan.example", ADMIN_PASSWORD).exitCode()).isZero();
    }

    @AfterAll
    void stop() {
        browser.close();
        app.close();
        smtp.stop();
    }

    @Test
    @Order(1)
    void aMunicipalityStartsFromAnEmptyDatabaseAndItsManagerGetsTheReminder() throws Exception {
        // The system administrator activates 169 Høje-Taastrup, naming its local administrator.
        browser.login("ada", ADMIN_PASSWORD).open("/administration");
        browser.awaitText("0 af 98 kommuner er aktive.");
        browser.click("Høje-Taastrup Kommune");
        browser.awaitText("Høje-Taastrup Kommune (169)");
        browser.click("Aktivér kommunen og send invitation");
        browser.awaitText("Navnet skal udfyldes");
        assertThat(browser.text()).contains("E-mailadressen skal udfyldes").contains("Deaktiveret");
        browser.fill("Den lokale administrators navn", "Lise Lokal").fill("Den lokale administrators e-mailadresse", "lise@htk.example")
                .click("Aktivér kommunen og send invitation");
        browser.awaitText("Kommunen er aktiveret");
        assertThat(browser.driver.findElement(By.id("municipality-state")).getText()).isEqualTo("Aktiv");
        browser.fill("Kontakt-e-mail for borgere", "jobcenter@htk.example").click("Gem indstillinger");
        browser.awaitText("Indstillingerne er gemt.");
        browser.driver.findElement(By.id("logo")).sendKeys(png("htk-logo.png"));
        browser.click("Gem logoet");
        browser.awaitText("Logoet er gemt.");
        logOut();

        // The local administrator's invitation arrives; the link leads to choosing a password (a weak one is refused).
        String lisesLink = linkIn(mailTo("lise@htk.example", 1));
        browser.open(lisesLink);
        browser.awaitText("Velkommen, Lise Lokal.");
        browser.fill("Ny adgangskode", "password2026!").fill("Gentag adgangskoden", "password2026!").click("Gem adgangskoden");
        browser.awaitText("Adgangskoden er blandt de mest brugte");
        choosePassword("lise lokal passer på høje-taastrup");
        browser.login("lise@htk.example", "lise lokal passer på høje-taastrup");
        assertThat(browser.text()).as("the municipality in the header, its contact e-mail in the footer")
                .contains("Høje-Taastrup Kommune").contains("jobcenter@htk.example");

        // Her own user page shows her roles but cannot change them, and says why.
        browser.open("/administration/brugere/lise@htk.example").awaitText("Du kan ikke ændre dine egne roller.");
        var ownRoles = browser.driver.findElements(By.cssSelector("#roles input[type=checkbox]"));
        assertThat(ownRoles).isNotEmpty().allSatisfy(box -> assertThat(box.isEnabled()).as("own role box enabled").isFalse());
        assertThat(browser.driver.findElement(By.id("roles")).getAttribute("aria-describedby")).isEqualTo("roles-self");

        // She invites an official, a secretary and a manager (a refusal first, naming the field).
        browser.open("/administration");
        browser.awaitText("Høje-Taastrup Kommune (169)");
        assertThat(browser.text()).doesNotContain("Aktivér kommunen").doesNotContain("Deaktivér kommunen");
        invite("Olga Olsen", "olga@htk.example", "OFFICIAL");
        invite("Svend Sekretær", "svend@htk.example", "SECRETARY");
        browser.click("Tilbage til kommunen").click("Invitér en bruger");
        // Nothing filled in: the user name (and the other fields) say they are required, each next to its field.
        browser.click("Invitér og send e-mail");
        browser.awaitText("Brugernavnet skal udfyldes");
        assertThat(browser.driver.findElement(By.id("username-error")).getText()).startsWith("Brugernavnet skal udfyldes");
        assertThat(browser.field("Brugernavn").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.field("Brugernavn").getAttribute("aria-describedby")).contains("username-error");
        browser.fill("Navn", "Olga igen").fill("E-mailadresse", "OLGA@htk.example").click("Invitér og send e-mail");
        browser.awaitText("Vælg mindst én rolle");
        browser.driver.findElement(By.id("role-OFFICIAL")).click();
        browser.click("Invitér og send e-mail");
        browser.awaitText("E-mailadressen »OLGA@htk.example« er allerede i brug af en anden bruger");
        assertThat(browser.field("Navn").getAttribute("value")).isEqualTo("Olga igen");
        invite("Mads Leder", "mads@htk.example", "MANAGER");
        browser.click("Tilbage til kommunen");
        browser.fillById("q", "mads");
        // The search swaps the list in with htmx as she types: a list read while it is being replaced is read again.
        Eventually.await(WAIT, "the search narrows the list", () -> {
            try {
                return browser.driver.findElement(By.id("users")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException replacedWhileReading) {
                return "";
            }
        }, text -> text.contains("Mads Leder") && !text.contains("Olga Olsen"));
        logOut();

        // Each chooses a password from their invitation.
        for (String[] person : List.of(new String[]{"olga@htk.example", "olga skriver planer om morgenen"},
                new String[]{"svend@htk.example", "svend holder styr på udvalget"},
                new String[]{"mads@htk.example", "mads følger op på målene hver uge"})) {
            browser.open(linkIn(mailTo(person[0], 1)));
            browser.awaitText("Vælg den adgangskode");
            choosePassword(person[1]);
        }

        // The official imports a plan for 169 and submits it.
        browser.login("olga@htk.example", "olga skriver planer om morgenen").open("/plans");
        Path document = Files.createTempFile("plan-169", ".json");
        Files.writeString(document, app.bean(JsonMapper.class).writeValueAsString(FollowUps.document("169")));
        browser.upload("#document", document);
        browser.click("Importér");
        browser.awaitText(FollowUps.y("Beskæftigelsesplan 2026"));
        browser.click("Indsend til politisk godkendelse");
        browser.awaitText("Træk tilbage fra udvalget");
        logOut();

        // The secretary sets up the committee and a meeting and approves the plan.
        browser.login("svend@htk.example", "svend holder styr på udvalget").open("/approval/udvalg");
        browser.fill("Navn", "Udvalget for Beskæftigelse").fill("Medlemmer", "Anne Holm; A; formand\nBo Vestergaard; V")
                .tick("Dette udvalg beslutter kommunens planer (godkendelsesforløb: kun dette udvalg)")
                .click("Opret udvalg");
        browser.awaitText("Udvalget er oprettet.");
        browser.open("/approval/moeder");
        browser.setValue("date", Committee.today().toString()).setValue("submissionDeadline", Committee.today().toString())
                .fill("Sted", "Rådhuset i Taastrup").click("Opret møde");
        browser.awaitText("Mødet er oprettet.");
        Eventually.await(WAIT, "the plan in the in-box", () -> browser.open("/approval/inbox").text(),
                text -> text.contains(FollowUps.y("Beskæftigelsesplan 2026")));
        browser.click("Sæt på dagsordenen");
        browser.awaitText("Punktet er sat på dagsordenen.");
        browser.click("Registrér beslutning");
        browser.awaitText("Udvalgets beslutning");
        browser.driver.findElement(By.id("outcome-APPROVED")).click();
        browser.fill("Beslutningen, som udvalget formulerede den (til protokollen)", "Udvalget godkendte planen.")
                .click("Registrér beslutning");
        browser.awaitText("Beslutningen er registreret.");
        logOut();

        // The manager owns the goals (the municipality's only manager) and gets the reminder.
        Api manager = app.api().login("mads@htk.example", "mads følger op på målene hver uge");
        List<Map<String, Object>> plans = Eventually.await(WAIT, "the plan in follow-up",
                () -> manager.get("/api/followup/plans").jsonList(), list -> !list.isEmpty());
        UUID planId = UUID.fromString((String) plans.get(0).get("planId"));
        assertThat(FollowUps.tasks(manager, planId)).isNotEmpty().allSatisfy(t -> assertThat(t.get("owner")).isEqualTo("mads@htk.example"));
        // First told that the goals are his, then reminded before the round's due date.
        assertThat(mailTo("mads@htk.example", 2).getSubject()).contains("Du er ansvarlig for opfølgningen")
                .contains(FollowUps.y("Beskæftigelsesplan 2026"));
        app.bean(Reminders.class).tick(LocalDate.of(FollowUps.YEAR, 12, 31).minusDays(14));
        MimeMessage reminder = mailTo("mads@htk.example", 3);
        assertThat(reminder.getSubject()).contains("Påmindelse").contains(FollowUps.y("Beskæftigelsesplan 2026"));

        // The municipality's logo heads its documents: the approved plan, as HTML and as PDF.
        Api official = app.api().login("olga@htk.example", "olga skriver planer om morgenen");
        browser.login("olga@htk.example", "olga skriver planer om morgenen").open("/plans/" + planId + "/dokument");
        assertThat(browser.driver.findElement(By.cssSelector("img.logo")).getAttribute("alt")).isEqualTo("Høje-Taastrup Kommunes logo");
        assertThat(browser.text()).contains("Høje-Taastrup Kommune");
        browser.open("/plans"); // the document stands alone, without the site's menu
        logOut();
        try (var pdf = Loader.loadPDF(official.getBytes("/api/plans/" + planId + "/document.pdf"))) {
            var resources = pdf.getPage(0).getResources();
            assertThat(resources.getXObjectNames()).as("an image on the title page")
                    .anySatisfy(name -> assertThat(resources.isImageXObject(name)).isTrue());
        }

        // The used link is refused on a Danish page that offers a new one.
        browser.open(lisesLink);
        browser.awaitText("Linket er allerede brugt; et link virker kun én gang.");
        assertThat(browser.text()).contains("Send mig et nyt link");

        // Every act is archived, named in Danish, and the archive verifies.
        Api admin = app.api().login("ada", ADMIN_PASSWORD);
        List<Map<String, Object>> archived = Eventually.await(WAIT, "the acts in the archive",
                () -> admin.get("/api/archive/administration").jsonList(), list -> list.size() >= 10);
        assertThat(archived).extracting(e -> e.get("type")).contains("administration.system-administrator-created",
                "administration.municipality-activated", "administration.municipality-settings-changed", "administration.user-invited",
                "administration.password-link-used");
        assertThat(archived).extracting(e -> e.get("what"))
                .contains("Kommune aktiveret: Høje-Taastrup Kommune, lokal administrator Lise Lokal <lise@htk.example>")
                .contains("Bruger inviteret: Mads Leder (mads@htk.example), roller leder");
        assertThat(admin.get("/api/archive/verification").json()).containsEntry("intact", true);
        browser.login("ada", ADMIN_PASSWORD).open("/arkiv/administration");
        browser.awaitText("Administrative handlinger i arkivet");
        browser.click("Kontrollér hele arkivet");
        browser.awaitText("Kæden er intakt");
        logOut();
    }

    @Test
    @Order(2)
    void administratorsKeepUsersAndSettingsAndUsersLookAfterThemselves() throws Exception {
        // The system administrator activates København and gives it a logo (an unsafe SVG is refused by name).
        browser.login("ada", ADMIN_PASSWORD).open("/administration");
        browser.click("Vis alle 98 kommuner");
        browser.awaitText("Frederiksberg Kommune");
        browser.checkAccessibility();
        browser.click("Københavns Kommune");
        browser.awaitText("Københavns Kommune (101)");
        browser.fill("Den lokale administrators navn", "Kim Kbh").fill("Den lokale administrators e-mailadresse", "kim@kbh.example")
                .click("Aktivér kommunen og send invitation");
        browser.awaitText("Kommunen er aktiveret");
        browser.driver.findElement(By.id("logo")).sendKeys(file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 40\">"
                + "<script>alert(1)</script><circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#004b87\"/></svg>"));
        browser.click("Gem logoet");
        browser.awaitText("SVG-filen må ikke indeholde <script>");
        String safe = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 40\"><circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#004b87\"/></svg>";
        browser.driver.findElement(By.id("logo")).sendKeys(file("logo.svg", safe));
        browser.click("Gem logoet");
        browser.awaitText("Logoet er gemt.");
        browser.click("Fjern logoet");
        browser.awaitText("Logoet er fjernet.");
        browser.driver.findElement(By.id("logo")).sendKeys(file("logo.svg", safe));
        browser.click("Gem logoet");
        browser.awaitText("Logoet er gemt.");
        Api.Response logo = app.api().getAny("/kommuner/101/logo");
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.header("Content-Security-Policy")).contains("sandbox");
        browser.checkAccessibility();

        // The look of its documents (docs/adr/0026): a colour too pale for the white page is refused at its field, saying
        // why; then the colours and a serif font are saved.
        browser.fill("Hovedfarve", "#7fb2e5").fill("Farve på tabellernes overskrifter", "#2e5e4e").choose("font", "DejaVu Serif")
                .click("Gem udseendet");
        browser.awaitText("har kun kontrasten 2,2:1 mod den hvide side");
        assertThat(browser.driver.findElement(By.id("primaryColour")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("primaryColour")).getAttribute("aria-describedby")).contains("primaryColour-error");
        assertThat(browser.driver.findElement(By.id("primaryColour-error")).getText()).contains("4,5:1", "WCAG AA");
        assertThat(browser.value("tableHeaderColour")).as("what was typed stays").isEqualTo("#2e5e4e");
        browser.checkAccessibility();
        browser.fill("Hovedfarve", "#7A1F2B").click("Gem udseendet");
        browser.awaitText("Dokumenternes udseende er gemt.");
        Municipalities.Municipality kbh = app.bean(Municipalities.class).find("101").orElseThrow();
        assertThat(List.of(kbh.primaryColour(), kbh.tableHeaderColour(), kbh.documentFont())).containsExactly("#7a1f2b", "#2e5e4e", "DEJAVU_SERIF");
        assertThat(browser.value("primaryColour")).isEqualTo("#7a1f2b");
        assertThat(browser.value("font")).isEqualTo("DEJAVU_SERIF");
        assertThat(browser.text()).contains("dokumenternes hovedfarve (tom) → »#7a1f2b«");

        // A user invited, invited again, given a second role, deactivated and reactivated, all on the user's page.
        browser.click("Invitér en bruger");
        browser.checkAccessibility();
        browser.fill("Navn", "Ulla Udvikler").fill("E-mailadresse", "ulla@kbh.example");
        browser.driver.findElement(By.id("role-OFFICIAL")).click();
        browser.click("Invitér og send e-mail");
        browser.awaitText("Invitationen er sendt på e-mail.");
        browser.click("Send en ny invitation");
        browser.awaitText("Invitationen er sendt på e-mail.");
        browser.driver.findElement(By.id("role-MANAGER")).click();
        browser.click("Gem roller");
        browser.awaitText("Rollerne er gemt.");
        assertThat(browser.driver.findElement(By.id("user-roles")).getText()).isEqualTo("embedsmand, leder");
        browser.click("Deaktivér brugeren");
        browser.awaitText("Brugeren er deaktiveret");
        browser.click("Aktivér brugeren igen");
        browser.awaitText("Brugeren er aktiv igen.");
        browser.checkAccessibility();
        browser.click("Tilbage til kommunen");
        browser.fillById("q", "ulla").click("Søg");
        browser.awaitText("Inviteret, har ikke valgt adgangskode");
        logOut();

        // The first invitation was replaced by the second; the user chooses a password from the newest.
        browser.open(linkIn(mailTo("ulla@kbh.example", 1)));
        browser.awaitText("Der er sendt et nyere link; kun det nyeste virker.");
        browser.open(linkIn(mailTo("ulla@kbh.example", 2)));
        choosePassword("ulla udvikler planer i byen");
        browser.login("ulla@kbh.example", "ulla udvikler planer i byen");
        assertThat(browser.driver.findElements(By.cssSelector("header img.logo"))).as("the municipality's logo in the header").hasSize(1);

        // Her profile and her password: the current password is required.
        browser.click("Min profil");
        browser.awaitText("Dit navn og din e-mailadresse");
        browser.checkAccessibility();
        browser.fill("Navn", "Ulla Udvikler-Hansen").click("Gem profil");
        browser.awaitText("Din profil er gemt.");
        browser.fill("Nuværende adgangskode", "forkert adgangskode her").fill("Ny adgangskode", "ulla har en ny kode nu")
                .fill("Gentag den nye adgangskode", "ulla har en ny kode nu").click("Skift adgangskode");
        browser.awaitText("Den nuværende adgangskode er forkert");
        browser.fill("Nuværende adgangskode", "ulla udvikler planer i byen").fill("Ny adgangskode", "ulla har en ny kode nu")
                .fill("Gentag den nye adgangskode", "ulla har en ny kode nu").click("Skift adgangskode");
        browser.awaitText("Din adgangskode er skiftet.");
        assertThat(browser.text()).contains("Ulla Udvikler-Hansen");
        logOut();

        // Forgotten password: the same answer whoever asks; the mailed link sets a new one.
        browser.click("Glemt adgangskode?");
        browser.checkAccessibility();
        browser.fill("Brugernavn eller e-mailadresse", "ingen.saadan@kbh.example").click("Send link");
        browser.awaitText("Hvis ingen.saadan@kbh.example er en bruger af Beskplan, har vi nu sendt en e-mail");
        browser.open("/glemt-adgangskode");
        browser.fill("Brugernavn eller e-mailadresse", "ulla@kbh.example").click("Send link");
        browser.awaitText("Hvis ulla@kbh.example er en bruger af Beskplan, har vi nu sendt en e-mail");
        MimeMessage reset = mailTo("ulla@kbh.example", 3);
        assertThat(reset.getSubject()).isEqualTo("Nulstil din adgangskode til Beskplan");
        browser.open(linkIn(reset));
        browser.awaitText("Vælg en ny adgangskode for ulla@kbh.example.");
        browser.checkAccessibility();
        choosePassword("ulla glemte sin kode men fik en ny");
        browser.login("ulla@kbh.example", "ulla glemte sin kode men fik en ny");
        logOut();

        // The system administrator switches København off again: its users can no longer log in.
        browser.login("ada", ADMIN_PASSWORD).open("/administration/kommuner/101");
        browser.click("Deaktivér kommunen");
        browser.awaitText("Kommunen er deaktiveret.");
        logOut();
        browser.fill("Brugernavn", "ulla@kbh.example").fill("Adgangskode", "ulla glemte sin kode men fik en ny").click("Log ind");
        browser.awaitText("Din adgang til Beskplan er lukket.");
    }

    /** A small PNG, as a municipality's logo file would be. */
    private String png(String name) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(120, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new java.awt.Color(0, 75, 135));
        graphics.fillRect(0, 0, 120, 40);
        graphics.dispose();
        Path file = Files.createTempDirectory("logo").resolve(name);
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file.toString();
    }

    private String file(String name, String content) throws java.io.IOException {
        Path file = Files.createTempDirectory("logo").resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }

    @Test
    void aDeactivatedUsersOpenSessionEndsAtTheNextRequest() {
        Api admin = app.api().login("ada", ADMIN_PASSWORD);
        activate(admin, "147", "Frida Frederiksberg", "frida@frb.example");
        Api frida = app.api();
        setPasswordFromMail("frida@frb.example", "frida administrerer frederiksberg");
        frida.login("frida@frb.example", "frida administrerer frederiksberg");
        Api.Response invited = frida.post("/api/admin/municipalities/147/users",
                Map.of("displayName", "Karl Kontor", "email", "karl@frb.example", "roles", List.of("OFFICIAL")));
        assertThat(invited.status()).isEqualTo(201);
        setPasswordFromMail("karl@frb.example", "karl kontorerer hele dagen");

        browser.login("karl@frb.example", "karl kontorerer hele dagen").open("/plans");
        browser.awaitText("Planer");
        Api.Response deactivated = frida.post("/api/admin/users/karl@frb.example/deactivation", Map.of("version", 0));
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);

        // The very next request: no session any more, back to the login page; the password no longer works.
        browser.open("/plans");
        browser.awaitText("Log ind");
        assertThat(browser.url()).contains("/login");
        browser.fill("Brugernavn", "karl@frb.example").fill("Adgangskode", "karl kontorerer hele dagen").click("Log ind");
        browser.awaitText("Din adgang til Beskplan er lukket.");

        // Follow-up hears of it by message; reactivating lets him in again.
        assertThat(frida.post("/api/admin/users/karl@frb.example/reactivation", Map.of("version", 1)).status()).isEqualTo(200);
        browser.login("karl@frb.example", "karl kontorerer hele dagen");
        assertThat(browser.url()).doesNotContain("/login");
        logOut();
    }

    @Test
    void anExpiredLinkIsRefusedAndANewOneCanBeAskedFor() throws Exception {
        Api admin = app.api().login("ada", ADMIN_PASSWORD);
        activate(admin, "851", "Aase Aalborg", "aase@aal.example");
        String link = linkIn(mailTo("aase@aal.example", 1));
        // The link's 72 hours are over (its expiry moved into the past, as time would).
        @SuppressWarnings("unchecked")
        TransactionOperations<java.sql.Connection> tx = app.bean(TransactionOperations.class);
        tx.executeWrite(status -> app.bean(Sql.class).update("update administration.password_link set expires_at = ?"
                + " where used_at is null and superseded_at is null and username = ?", Instant.now().minusSeconds(1), "aase@aal.example"));
        browser.open(link);
        browser.awaitText("Linket er udløbet.");
        assertThat(app.api().post("/api/me/password-links/" + link.substring(link.lastIndexOf('/') + 1),
                Map.of("password", "aase vil gerne ind alligevel")).status()).isEqualTo(409);
        browser.click("Send mig et nyt link");
        browser.awaitText("Kun det nyeste link virker.");
        String fresh = linkIn(mailTo("aase@aal.example", 2));
        assertThat(fresh).isNotEqualTo(link);
        browser.open(fresh);
        choosePassword("aase kom ind med det nye link");
        assertThat(app.api().login("aase@aal.example", "aase kom ind med det nye link").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void aLocalAdministratorStaysInTheirMunicipalityAndCannotGrantAdmin() {
        Api admin = app.api().login("ada", ADMIN_PASSWORD);
        activate(admin, "461", "Otto Odense", "otto@ode.example");
        activate(admin, "751", "Aya Aarhus", "aya@aar.example");
        setPasswordFromMail("otto@ode.example", "otto passer på odense kommune");
        Api otto = app.api().login("otto@ode.example", "otto passer på odense kommune");

        assertThat(otto.get("/api/admin/municipalities").jsonList()).extracting(m -> m.get("code")).containsExactly("461");
        // Another municipality's code: no access (403), said the same way whether the code names a municipality or not.
        Api.Response aarhus = otto.get("/api/admin/municipalities/751");
        Api.Response none = otto.get("/api/admin/municipalities/999");
        assertThat(aarhus.status()).isEqualTo(403);
        assertThat(none.status()).isEqualTo(403);
        assertThat(aarhus.json().get("detail")).isEqualTo("Du har ikke adgang til at administrere kommunen med kode 751."
                + " Du kan kun administrere din egen kommune.");
        assertThat(aarhus.body()).doesNotContain("findes ikke");
        assertThat(none.json().get("detail")).isEqualTo(((String) aarhus.json().get("detail")).replace("751", "999"));
        assertThat(otto.get("/api/admin/municipalities/751/users").status()).isEqualTo(403);
        assertThat(otto.get("/api/admin/acts?municipality=751").status()).isEqualTo(403);
        assertThat(otto.get("/api/admin/users/aya@aar.example").status()).isEqualTo(404);
        assertThat(otto.post("/api/admin/users/aya@aar.example/deactivation", Map.of("version", 0)).status()).isEqualTo(404);
        assertThat(otto.post("/api/admin/municipalities/751/users", Map.of("displayName", "X", "email", "x@aar.example",
                "roles", List.of("OFFICIAL"))).status()).isEqualTo(403);
        Api.Response page = otto.getPage("/administration/kommuner/751");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Du har ikke adgang til at administrere kommunen med kode 751").doesNotContain("findes ikke");

        Api.Response grant = otto.post("/api/admin/municipalities/461/users", Map.of("displayName", "Ib", "email", "ib@ode.example",
                "roles", List.of("OFFICIAL", "ADMIN")));
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.body()).contains("\"field\":\"roles\"");
        assertThat(otto.get("/api/admin/municipalities/461/users?q=ib").jsonList()).isEmpty();
        Api.Response taken = otto.post("/api/admin/municipalities/461/users", Map.of("displayName", "Aya igen", "email", "AYA@aar.example",
                "roles", List.of("OFFICIAL")));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("\"field\":\"email\"");
        assertThat(otto.post("/api/admin/municipalities/461/activation", Map.of("version", 1)).status()).isEqualTo(403);

        // The look of Odense's documents over the API: a colour below 4.5:1 and a font not in the list are refused by field.
        Object version = otto.get("/api/admin/municipalities/461").json().get("version");
        Api.Response pale = otto.put("/api/admin/municipalities/461/look", Map.of("primaryColour", "#ffd700", "tableHeaderColour", "#777777",
                "font", "COMIC_SANS", "version", version));
        assertThat(pale.status()).isEqualTo(400);
        assertThat(pale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(pale.body()).contains("\"field\":\"primaryColour\"", "\"field\":\"tableHeaderColour\"", "\"field\":\"font\"", "4,5:1");
        Api.Response look = otto.put("/api/admin/municipalities/461/look", Map.of("primaryColour", "#004B87", "tableHeaderColour", "",
                "font", "DEJAVU_SERIF", "version", version));
        assertThat(look.status()).as(look.body()).isEqualTo(200);
        assertThat(look.json()).containsEntry("primaryColour", "#004b87").containsEntry("documentFont", "DEJAVU_SERIF");
        assertThat(look.json().get("tableHeaderColour")).isNull();
    }

    @Test
    void createAdminRefusesWeakPasswordsAndTakenNamesCreatingNothing() {
        assertThat(createAdmin("eve", "eve@beskplan.example", "kort").output()).contains("password: Adgangskoden skal være på mindst 12 tegn");
        assertThat(createAdmin("eve", "eve@beskplan.example", "Sommer2026!!").output()).contains("mest brugte");
        assertThat(createAdmin("eve", "eve@beskplan.example", "eve@beskplan.example").output()).contains("brugernavn eller din e-mailadresse");
        Result taken = createAdmin("ada", "another@beskplan.example", "en helt anden lang adgangskode");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.output()).contains("username: Brugernavnet »ada« er allerede i brug");
        Result usage = createAdmin(null, null, "");
        assertThat(usage.exitCode()).isEqualTo(1);
        assertThat(usage.output()).contains("usage: java -jar beskplan.jar create-admin");
        assertThat(app.api().post("/api/login", Map.of("username", "eve", "password", "kort")).status()).isEqualTo(401);
        Result interactive = run(new String[]{"create-admin", "eve", "eve@beskplan.example"}, true, "eine lange Passphrase", "anders");
        assertThat(interactive.exitCode()).isEqualTo(1);
        assertThat(interactive.output()).contains("the two passwords differ");
    }

    // ---- helpers ----

    private record Result(int exitCode, String output) {
    }

    /** {@code create-admin} exactly as the command line runs it, against this test application's beans. */
    private Result createAdmin(String username, String email, String password) {
        String[] args = username == null ? new String[]{"create-admin"} : new String[]{"create-admin", username, email};
        return run(args, false, password);
    }

    private Result run(String[] args, boolean interactive, String... passwords) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var remaining = new java.util.ArrayDeque<>(Arrays.asList(passwords));
        CreateAdminCommand.PasswordSource source = new CreateAdminCommand.PasswordSource() {
            public boolean interactive() {
                return interactive;
            }

            public String read(String prompt) {
                return remaining.poll();
            }
        };
        int code = CreateAdminCommand.run(args, source, new PrintStream(out, true, StandardCharsets.UTF_8), new CreateAdminCommand.Contexts() {
            public <T> T with(Function<BeanContext, T> work) {
                return work.apply(app.context());
            }
        });
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    private void activate(Api admin, String code, String name, String email) {
        Api.Response response = admin.post("/api/admin/municipalities/" + code + "/activation",
                Map.of("localAdminName", name, "localAdminEmail", email, "version", 0));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void setPasswordFromMail(String email, String password) {
        String link = linkIn(mailTo(email, 1));
        Api.Response chosen = app.api().post("/api/me/password-links/" + link.substring(link.lastIndexOf('/') + 1), Map.of("password", password));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(204);
    }

    private void invite(String name, String email, String role) {
        if (!browser.url().matches(".*/administration/kommuner/[0-9]+(\\?.*)?")) {
            browser.click("Tilbage til kommunen");
        }
        browser.click("Invitér en bruger");
        browser.fill("Navn", name).fill("E-mailadresse", email);
        browser.driver.findElement(By.id("role-" + role)).click();
        browser.click("Invitér og send e-mail");
        browser.awaitText("Invitationen er sendt på e-mail.");
    }

    private void logOut() {
        browser.click("Log ud");
        browser.awaitText("Du er logget ud.");
    }

    private void choosePassword(String password) {
        browser.fill("Ny adgangskode", password).fill("Gentag adgangskoden", password).click("Gem adgangskoden");
        browser.awaitText("Din adgangskode er gemt. Log ind med den.");
    }

    /** The {@code n}th mail to {@code recipient} (waiting for it). */
    private MimeMessage mailTo(String recipient, int n) {
        return Eventually.await(WAIT, n + " mail(s) to " + recipient, () -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).contains(recipient)).toList(), list -> list.size() >= n).get(n - 1);
    }

    private static String to(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String linkIn(MimeMessage message) {
        try {
            Matcher link = LINK.matcher((String) message.getContent());
            assertThat(link.find()).as("a password link in the mail").isTrue();
            return link.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
