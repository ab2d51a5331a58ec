package dk.beskplan.app;

import dk.beskplan.platform.documents.DocumentLook;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.PdfConformance;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of PDF Beskplan hands out, fetched through the running app as a user fetches it, is PDF/A-2a and PDF/UA-1
 * by veraPDF and extracts as plain text (docs/adr/0022): the plan (Holbæk's real 2025 plan, with the municipality's
 * logo), the agenda and the protocol of the meeting that approved it, the status report with its charts, and the
 * archived documents (the plan as archived JSON, the protocol and the status report as archived HTML); the municipality
 * has a look of its own (a serif font, other colours), which every one of its documents wears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfDocumentsTest {
    private static final String PRIMARY = "#7a1f2b";
    private static final String TABLE_HEADER = "#2e5e4e";
    private TestApp app;
    private Api.Response planPage;
    private final Map<String, byte[]> pdfs = new LinkedHashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        app = TestApp.start(Map.of("beskplan.followup.scheduler-enabled", false));
        Fixtures.seedUsers(app);
        giveLogo(Fixtures.A);
        // A look of its own (docs/adr/0026): another font and colours, set as its administrator sets them.
        Municipalities municipalities = app.bean(Municipalities.class);
        municipalities.updateLook(Fixtures.A, PRIMARY, TABLE_HEADER, DocumentLook.Font.DEJAVU_SERIF,
                municipalities.find(Fixtures.A).orElseThrow().version());
        Api official = Fixtures.as(app, "a.official");
        Api secretary = Fixtures.as(app, "a.secretary");
        Api manager = Fixtures.as(app, "a.manager");
        try (MessageProbe probe = app.probe()) {
            String planId;
            try (InputStream in = getClass().getResourceAsStream("/demo-plans/holbaek-2025.json")) {
                Api.Response imported = official.postRaw("/api/plans/import", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                Committee.check(imported, 201);
                planId = (String) imported.json().get("id");
            }
            pdfs.put("plan", official.getBytes("/api/plans/" + planId + "/document.pdf"));
            planPage = official.getPage("/plans/" + planId + "/dokument");
            Committee.check(official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\""), 200);
            String meeting = new Committee(secretary).approve(planId);
            pdfs.put("agenda", secretary.getBytes("/api/approval/meetings/" + meeting + "/agenda.pdf"));
            Committee.check(secretary.post("/api/approval/meetings/" + meeting + "/close", Map.of()), 200);
            probe.await("approval.meeting-protocol-published", m -> meeting.equals(m.payload().get("meetingId")), FollowUps.WAIT);
            pdfs.put("protocol", secretary.getBytes("/api/approval/meetings/" + meeting + "/protocol.pdf"));

            // A status report with charts: the plan's baseline and this round's values.
            UUID followed = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
            String roundId = (String) official.get("/api/followup/plans/" + followed + "/rounds").jsonList().get(0).get("id");
            FollowUps.report(manager, FollowUps.task(manager, followed, "1a").get("id"), Map.of("value", 72, "measuredOn", FollowUps.y("2025-11-01"),
                    "comment", "Tæt på; kvalificeret vurdering"));
            FollowUps.report(manager, FollowUps.task(manager, followed, "1b").get("id"),
                    Map.of("value", 47, "comparisonValue", 41, "measuredOn", FollowUps.y("2025-11-01")));
            FollowUps.report(manager, FollowUps.task(manager, followed, "2a").get("id"), Map.of("value", 512, "measuredOn", FollowUps.y("2025-11-01")));
            probe.await("followup.status-report-submitted", followed.toString(), FollowUps.WAIT);
            pdfs.put("status report", official.getBytes("/api/followup/plans/" + followed + "/rounds/" + roundId + "/report.pdf"));

            // The archive's documents: the plan as archived JSON, rendered by the archive; protocol and report as archived HTML.
            List<Map<String, Object>> timeline = Eventually.await(FollowUps.WAIT, "the protocol in the archive",
                    () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(),
                    t -> t.stream().anyMatch(e -> "approval.meeting-protocol-published".equals(e.get("type"))));
            pdfs.put("archived plan", official.getBytes("/api/archive/documents/" + document(timeline, "drafting.plan-submitted") + "/pdf"));
            pdfs.put("archived protocol", official.getBytes("/api/archive/documents/"
                    + document(timeline, "approval.meeting-protocol-published") + "/pdf"));
            List<Map<String, Object>> reported = Eventually.await(FollowUps.WAIT, "the status report in the archive",
                    () -> official.get("/api/archive/plans/" + followed + "/timeline").jsonList(),
                    t -> t.stream().anyMatch(e -> "followup.status-report-submitted".equals(e.get("type"))));
            pdfs.put("archived status report", official.getBytes("/api/archive/documents/"
                    + document(reported, "followup.status-report-submitted") + "/pdf"));
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    private static Object document(List<Map<String, Object>> timeline, String type) {
        Map<String, Object> entry = timeline.stream().filter(e -> type.equals(e.get("type"))).findFirst().orElseThrow();
        return ((List<Map<String, Object>>) entry.get("documents")).get(0).get("id");
    }

    /** A PNG logo with transparency (an alpha channel), as municipalities upload them. */
    private void giveLogo(String code) throws Exception {
        BufferedImage image = new BufferedImage(60, 30, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < 60; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, (x + y) % 3 == 0 ? 0x00000000 : 0xC0003A6B);
            }
        }
        byte[] png;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "png", out);
            png = out.toByteArray();
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        Municipalities municipalities = app.bean(Municipalities.class);
        municipalities.replaceLogo(code, new Municipalities.Logo(png, "image/png", sha), municipalities.find(code).orElseThrow().version());
    }

    @Test
    void everyKindOfDocumentWasFetched() {
        assertThat(pdfs.keySet()).containsExactly("plan", "agenda", "protocol", "status report", "archived plan", "archived protocol",
                "archived status report");
        pdfs.forEach((kind, pdf) -> assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).as(kind).isEqualTo("%PDF-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "agenda", "protocol", "status report", "archived plan", "archived protocol", "archived status report"})
    void isPdfA2aAndPdfUa1(String kind) {
        Map<String, List<String>> failed = PdfConformance.failedRules(pdfs.get(kind));
        System.out.println("veraPDF, " + kind + ": " + failed.get("2a").size() + " failed PDF/A-2a rules, "
                + failed.get("ua1").size() + " failed PDF/UA-1 rules " + failed);
        PdfConformance.assertConforms(kind, pdfs.get(kind));
    }

    /**
     * The municipality's look dresses its plan, agenda, protocol and status report (and stays in the archived HTML):
     * its font is the one embedded, its primary colour draws the headings and its table header colour the tables' heads.
     * The archive renders an archived plan document in its own plain look.
     */
    @ParameterizedTest
    @ValueSource(strings = {"plan", "agenda", "protocol", "status report", "archived protocol", "archived status report"})
    void wearsTheMunicipalitysLook(String kind) {
        byte[] pdf = pdfs.get(kind);
        assertThat(PdfConformance.fonts(pdf)).as("the fonts of the %s", kind).isNotEmpty()
                .allMatch(font -> font.contains("DejaVuSerif") && !font.contains("not embedded"));
        assertThat(PdfConformance.colours(pdf)).as("the colours of the %s", kind).contains(PRIMARY);
        if (kind.endsWith("plan") || kind.endsWith("status report")) {
            assertThat(PdfConformance.colours(pdf)).as("the table header colour of the %s", kind).contains(TABLE_HEADER);
        }
    }

    /** The plan's HTML view wears the look too, its stylesheet allowed by the page's Content-Security-Policy (by hash). */
    @Test
    void theHtmlViewWearsTheLook() throws Exception {
        assertThat(planPage.status()).isEqualTo(200);
        org.jsoup.nodes.Element look = org.jsoup.Jsoup.parse(planPage.body()).select("head style").last();
        assertThat(look.data()).contains("color: " + PRIMARY, "background: " + TABLE_HEADER, "'Dokument Serif'");
        String hash = java.util.Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(look.data().getBytes(StandardCharsets.UTF_8)));
        assertThat(planPage.header("Content-Security-Policy")).contains("'sha256-" + hash + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "agenda", "protocol", "status report", "archived plan", "archived protocol", "archived status report"})
    void extractsAsPlainText(String kind) throws IOException {
        String text = PdfConformance.text(pdfs.get(kind));
        assertThat(PdfConformance.ligatures(text)).as("ligature characters in the text of the %s", kind).isEmpty();
        if (kind.endsWith("plan")) {
            // Words with "fi", "fl", "ff" that a font's ligatures would join: they extract letter by letter.
            assertThat(text).contains("Beskæftigelsesplan 2025").contains("kvalificeret").contains("flygtninge").contains("offentlig");
        }
        if (kind.endsWith("status report")) {
            assertThat(text).contains("kvalificeret vurdering");
        }
    }
}
