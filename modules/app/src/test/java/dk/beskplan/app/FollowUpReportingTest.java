package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.TestApp;
import dk.beskplan.platform.spreadsheet.SpreadsheetDownloads;
import org.apache.pdfbox.Loader;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting status over the API against the real database and broker: the evaluation of what a manager reports,
 * refusals that name the field and change nothing, optimistic locking, the CSV import with bad rows, the status
 * report compiled when the round is complete, noted by the committee in approval, and the plan's follow-up closing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpReportingTest {
    private TestApp app;
    private Api official;
    private Api manager;

    @BeforeAll
    void start() {
        app = TestApp.start(Map.of("beskplan.followup.scheduler-enabled", false));
        Fixtures.seedUsers(app);
        official = Fixtures.as(app, "a.official");
        manager = Fixtures.as(app, "a.manager");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theSystemEvaluatesWhatTheManagerReports() {
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        List<Map<String, Object>> rounds = official.get("/api/followup/plans/" + planId + "/rounds").jsonList();
        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0)).containsEntry("label", FollowUps.y("Årlig status 2026")).containsEntry("dueDate", FollowUps.y("2026-12-31"))
                .containsEntry("tasks", 3).containsEntry("reported", 0).containsEntry("state", "OPEN");
        List<Map<String, Object>> mine = manager.get("/api/followup/tasks").jsonList();
        assertThat(mine).filteredOn(t -> planId.toString().equals(t.get("planId"))).extracting(t -> t.get("code"))
                .containsExactly("1a", "1b", "2a");

        Map<String, Object> national = FollowUps.task(manager, planId, "1b");
        assertThat(national).containsEntry("comparisonLabel", "Landsgennemsnit")
                .containsEntry("targetDescription", "Mindst 5 procentpoint over landsgennemsnittet");
        String id = (String) national.get("id");
        // The form's live evaluation: nothing saved.
        assertThat(manager.post("/api/followup/tasks/" + id + "/evaluation", Map.of("value", 46.0, "comparisonValue", 40.0)).json())
                .containsEntry("evaluation", "MET").containsEntry("text", "Nået").containsEntry("light", "green");
        assertThat(manager.post("/api/followup/tasks/" + id + "/evaluation", Map.of("value", 44.9, "comparisonValue", 40.0)).json())
                .containsEntry("evaluation", "NOT_MET");

        // Refusals name the field and change nothing.
        Api.Response noComparison = FollowUps.report(manager, id, Map.of("value", 46.0, "measuredOn", FollowUps.y("2025-11-30")));
        assertThat(noComparison.status()).isEqualTo(400);
        assertThat(noComparison.header("Content-Type")).contains("application/problem+json");
        assertThat(noComparison.body()).contains("\"field\":\"comparisonValue\"").contains("landsgennemsnit skal angives");
        Api.Response future = FollowUps.report(manager, id, Map.of("value", 46.0, "comparisonValue", 40.0, "measuredOn", "2999-01-01"));
        assertThat(future.body()).contains("\"field\":\"measuredOn\"").contains("fremtiden");
        Api.Response nothing = FollowUps.report(manager, id, Map.of());
        assertThat(nothing.body()).contains("\"field\":\"value\"");
        assertThat(manager.put("/api/followup/tasks/" + id + "/report", Map.of("value", 46.0)).status()).as("If-Match is required")
                .isEqualTo(428);
        assertThat(FollowUps.task(manager, planId, "1b")).containsEntry("state", "OPEN").containsEntry("version", 0);

        Api.Response saved = FollowUps.report(manager, id, Map.of("value", 46.5, "comparisonValue", 40.1, "measuredOn", FollowUps.y("2025-11-30"),
                "comment", "Et godt år"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json()).containsEntry("evaluation", "MET").containsEntry("state", "REPORTED").containsEntry("reportedBy", "a.manager")
                .containsEntry("dataSource", "Jobindsats.dk");
        assertThat(saved.header("ETag")).isEqualTo("\"1\"");
        Api.Response stale = manager.put("/api/followup/tasks/" + id + "/report", Map.of("value", 30.0, "comparisonValue", 40.0,
                "measuredOn", FollowUps.y("2025-11-30")), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);

        // Another municipality's official sees nothing of it.
        Api other = Fixtures.as(app, "b.official");
        assertThat(other.get("/api/followup/plans/" + planId).status()).isEqualTo(404);
        assertThat(other.get("/api/followup/tasks/" + id).status()).isEqualTo(404);
        // A manager of another municipality cannot be made responsible.
        Api.Response foreign = official.put("/api/followup/plans/" + planId + "/goals/1/manager", Map.of("manager", "b.secretary"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("\"field\":\"manager\"");
    }

    /**
     * A criterion with several targets is filled target by target: a row names the target's indicator; its code alone
     * cannot say which target, and is refused with the indicators to use. The task page offers each imported value.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCsvFillsEachOfACriterionsTargetsByItsIndicator() {
        UUID planId = FollowUps.approve(app, Fixtures.A, SeveralTargetsTest.document(), official);
        String roundId = (String) official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0).get("id");
        String path = "/api/followup/plans/" + planId + "/rounds/" + roundId + "/indicator-values";
        Api.Response byCode = postCsv(path, "Kommune;Periode;Mål;Værdi\n" + FollowUps.y("316;2026;1a;125\n"));
        assertThat(byCode.status()).as(byCode.body()).isEqualTo(400);
        assertThat(byCode.body()).contains("linje 2: succeskriterium ")
                .contains("har flere måltal; skriv måltallets indikator i kolonnen mål (»Personer i jobrotation«, »Borgere i fleksjob«)");

        Api.Response imported = postCsv(path, "Kommune;Periode;Mål;Værdi\n" + FollowUps.y("316;2026;Personer i jobrotation;125\n")
                + FollowUps.y("316;2026;Borgere i fleksjob;39\n"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) imported.json().get("matched")).extracting(r -> r.get("target")).containsExactly(1, 2);
        Map<String, Object> task = FollowUps.task(official, planId, "1a");
        assertThat((List<Map<String, Object>>) task.get("targets")).extracting(t -> t.get("importedValue")).containsExactly(125.0, 39.0);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(official.getPage("/followup/opgaver/" + task.get("id")).body());
        assertThat(page.selectFirst("input[name=value-0]").attr("value")).isEqualTo("125");
        assertThat(page.selectFirst("input[name=value-1]").attr("value")).isEqualTo("39");
    }

    @Test
    void aCsvWithBadRowsNamesEachAndChangesNothing() {
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        String roundId = (String) official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0).get("id");
        String path = "/api/followup/plans/" + planId + "/rounds/" + roundId + "/indicator-values";
        String bad = "Kommune;Periode;Mål;Værdi;Landsværdi\n"
                + FollowUps.y("316;2026;Andel i beskæftigelse;45,2;40,1\n")       // fine
                + FollowUps.y("250;2026;1a;80;\n")                                 // another municipality
                + FollowUps.y("316;2026;Ledighed i alt;5,1;4,0\n")                 // no such criterion
                + FollowUps.y("316;2025;2a;430;\n")                                // another year
                + FollowUps.y("316;2026;2a;mange;\n");                             // not a number
        Api.Response refused = postCsv(path, bad);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"file\"")
                .contains("linje 3: kommune »250« er ikke planens (316 Holbæk Kommune)")
                .contains("linje 4: mål »Ledighed i alt« svarer ikke til noget succeskriterium")
                .contains(FollowUps.y("linje 5: periode »2025« hører ikke til Årlig status 2026"))
                .contains("linje 6: værdi »mange« er ikke et tal")
                .doesNotContain("linje 2:");
        assertThat(FollowUps.tasks(official, planId)).allSatisfy(t -> assertThat(t.get("prefill")).isNull());

        Api.Response imported = postCsv(path, FollowUps.y("Kommune;Periode;Mål;Værdi;Landsværdi\n316;2026;Andel i beskæftigelse;45,2;40,1\n")
                + FollowUps.y("Holbæk Kommune;2026-06;2a;430;\n"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json()).containsEntry("rows", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> prefill = (Map<String, Object>) FollowUps.task(official, planId, "1b").get("prefill");
        assertThat(prefill).containsEntry("value", 45.2).containsEntry("nationalValue", 40.1).containsEntry("measuredOn", FollowUps.y("2026-12-31"));
        assertThat(FollowUps.task(official, planId, "1b")).containsEntry("state", "OPEN").as("pre-filled, not reported");
    }

    @Test
    void theCompleteRoundGoesToTheCommitteeWhoseNotingClosesRoundAndPlan() throws Exception {
        try (MessageProbe probe = app.probe()) {
            UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
            String roundId = (String) official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0).get("id");
            assertThat(FollowUps.report(manager, FollowUps.task(manager, planId, "1a").get("id"),
                    Map.of("value", 72, "measuredOn", FollowUps.y("2025-11-01"), "comment", "Tæt på")).json()).containsEntry("evaluation", "NOT_MET");
            assertThat(FollowUps.report(manager, FollowUps.task(manager, planId, "1b").get("id"),
                    Map.of("value", 47, "comparisonValue", 41, "measuredOn", FollowUps.y("2025-11-01"))).json()).containsEntry("evaluation", "MET");
            // The preview before it is complete says it is a draft and marks what is missing.
            String preview = official.getAny("/api/followup/plans/" + planId + "/rounds/" + roundId + "/report").body();
            assertThat(preview).contains("Udkast").contains("Mangler").contains("<svg");
            // The last report completes the round: the report is compiled and sent.
            assertThat(FollowUps.report(manager, FollowUps.task(manager, planId, "2a").get("id"),
                    Map.of("value", 512, "measuredOn", FollowUps.y("2025-11-01"))).json()).containsEntry("evaluation", "MET");
            var submitted = probe.await("followup.status-report-submitted", planId, FollowUps.WAIT);
            assertThat(submitted.payload()).containsEntry("roundLabel", FollowUps.y("Årlig status 2026")).containsEntry("submittedBy", "a.manager")
                    .containsEntry("summary", "Af 3 succeskriterier er 2 nået, 0 på vej og 1 ikke nået. Der er afgivet status på alle.");
            String html = (String) submitted.payload().get("reportHtml");
            assertThat(html).contains(FollowUps.y("Status på Beskæftigelsesplan 2026")).contains("Mindst 75 %").contains("Ikke nået")
                    .contains("Tæt på").contains("<svg").doesNotContain("Udkast")
                    .as("the chart: the plan's baseline, this round, the target's own number")
                    .contains(FollowUps.y("aria-label=\"Udvikling for 1a: 2025 70; 2026 72. Målet er 75.\""));
            assertThat(official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0)).containsEntry("state", "SUBMITTED");
            Api.Response late = FollowUps.report(manager, FollowUps.task(manager, planId, "1a").get("id"), Map.of("value", 76, "measuredOn", FollowUps.y("2025-11-02")));
            assertThat(late.status()).isEqualTo(409);

            // The PDF has the same content, the chart included.
            byte[] pdf = official.getBytes("/api/followup/plans/" + planId + "/rounds/" + roundId + "/report.pdf");
            try (var document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(FollowUps.y("Status på Beskæftigelsesplan 2026")).contains(FollowUps.y("Årlig status 2026")).contains("Ikke nået");
                // Batik draws the SVG chart as vector shapes (its text is outlines): look for the chart's line colour.
                assertThat(chartPixels(document)).as("pixels of the charts' measured-value line").isGreaterThan(50);
            }

            // The overview as CSV for a spreadsheet.
            String csv = new String(official.getBytes("/api/followup/plans/" + planId + "/overview.csv"), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFFMål;Succeskriterium;").contains("Lokalt mål 1: Flere i job;1a;").contains(";72;")
                    .contains(";Ikke nået;Tæt på");

            // The committee notes it in approval; the noting comes back and closes the round, and with it the plan.
            Api secretary = Fixtures.as(app, "a.secretary");
            Committee committee = new Committee(secretary);
            String reportId = (String) submitted.payload().get("reportId");
            committee.notes(committee.meetingToday(), reportId);
            var notedMessage = probe.await("approval.status-report-noted", planId, FollowUps.WAIT);
            var closed = probe.await("followup.follow-up-closed", planId, FollowUps.WAIT);
            assertThat(closed.causationId()).isEqualTo(notedMessage.messageId());
            assertThat(closed.payload()).containsEntry("rounds", 1).containsEntry("reportsNoted", 1);
            List<Map<String, Object>> timeline = Eventually.await(FollowUps.WAIT, "the closing in the archive",
                    () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(),
                    t -> t.stream().anyMatch(e -> "followup.follow-up-closed".equals(e.get("type"))));
            assertThat(timeline).filteredOn(e -> "followup.follow-up-closed".equals(e.get("type")))
                    .extracting(e -> e.get("what")).containsExactly("Opfølgning afsluttet");
            assertThat(official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0)).containsEntry("state", "NOTED");
            assertThat(official.get("/api/followup/plans/" + planId).json().get("plan")).asString().contains("state=CLOSED");
        }
    }

    /**
     * The last two open tasks of a round reported at the same instant (two people, released together by a latch):
     * the round completes exactly once and exactly one status report goes to the committee, every time.
     */
    @Test
    void theLastTwoReportsAtTheSameInstantCompleteTheRoundExactlyOnce() throws Exception {
        int attempts = 12;
        Api secondOfficial = Fixtures.as(app, "a.official");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (MessageProbe probe = app.probe()) {
            List<UUID> plans = new java.util.ArrayList<>();
            for (int attempt = 0; attempt < attempts; attempt++) {
                UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
                plans.add(planId);
                assertThat(FollowUps.report(manager, FollowUps.task(manager, planId, "1a").get("id"),
                        Map.of("value", 80, "measuredOn", FollowUps.y("2025-11-01"))).status()).isEqualTo(200);
                // Read both tasks (and their ETags) first, so the two saves are all that is left to race.
                Object national = FollowUps.task(manager, planId, "1b").get("id");
                Object count = FollowUps.task(manager, planId, "2a").get("id");
                String nationalTag = manager.get("/api/followup/tasks/" + national).header("ETag");
                String countTag = secondOfficial.get("/api/followup/tasks/" + count).header("ETag");
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                var first = pool.submit(() -> {
                    go.await();
                    return manager.put("/api/followup/tasks/" + national + "/report", Map.of("value", 47, "comparisonValue", 41,
                            "measuredOn", FollowUps.y("2025-11-01")), "If-Match", nationalTag).status();
                });
                var second = pool.submit(() -> {
                    go.await();
                    return secondOfficial.put("/api/followup/tasks/" + count + "/report", Map.of("value", 512,
                            "measuredOn", FollowUps.y("2025-11-01")), "If-Match", countTag).status();
                });
                go.countDown();
                assertThat(first.get()).isEqualTo(200);
                assertThat(second.get()).isEqualTo(200);
                Map<String, Object> round = official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0);
                assertThat(round).as("attempt %d: every task reported", attempt).containsEntry("reported", 3);
                assertThat(round).as("attempt %d: the complete round went to the committee", attempt).containsEntry("state", "SUBMITTED");
                probe.await("followup.status-report-submitted", planId, FollowUps.WAIT);
            }
            Thread.sleep(1000); // a second report would be on its way by now
            for (UUID planId : plans) {
                assertThat(probe.all()).filteredOn(m -> m.type().equals("followup.status-report-submitted") && planId.toString().equals(m.planId()))
                        .as("one status report for plan %s", planId).hasSize(1);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theOverviewAsAWorkbookWithTypedCellsAndNoLiveFormulas() throws Exception {
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        String hyperlink = "=HYPERLINK(\"http://x\",\"klik\")";
        String dde = "+cmd|' /C calc'!A0";
        assertThat(FollowUps.report(manager, FollowUps.task(manager, planId, "1a").get("id"),
                Map.of("value", 72.5, "measuredOn", FollowUps.y("2025-11-01"), "comment", hyperlink)).status()).isEqualTo(200);
        assertThat(FollowUps.report(manager, FollowUps.task(manager, planId, "1b").get("id"),
                Map.of("value", 38, "comparisonValue", -2.5, "measuredOn", FollowUps.y("2025-11-02"), "comment", dde)).status()).isEqualTo(200);
        assertThat(FollowUps.report(manager, FollowUps.task(manager, planId, "2a").get("id"),
                Map.of("value", 512, "measuredOn", FollowUps.y("2025-11-03"), "comment", "-2+3")).status()).isEqualTo(200);

        // Asked for by its media type, as a spreadsheet program or script would.
        var xlsx = official.download("/api/followup/plans/" + planId + "/overview.xlsx", SpreadsheetDownloads.XLSX);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(SpreadsheetDownloads.XLSX);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains(FollowUps.y("opfoelgning-beskaeftigelsesplan-2026.xlsx"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()), new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            assertThat(sheet.getName()).isEqualTo("Opfølgning");
            List<Row> rows = sheet.read();
            assertThat(rows.get(0).stream().map(Cell::getText).toList()).containsExactly("Mål", "Succeskriterium", "Kriteriets tekst",
                    "Målgruppe", "Dette måles der på", "Datakilde", "Mål (regel)", "Ansvarlig", "Runde", "Frist", "Målt værdi",
                    "Sammenligningsværdi", "Målt den", "Vurdering", "Kommentar");
            assertThat(rows).hasSize(4);
            Row first = rows.get(1);
            assertThat(first.getCell(1).asString()).isEqualTo("1a");
            assertThat(first.getCell(9).getType()).as("due date").isEqualTo(CellType.NUMBER);
            assertThat(first.getCell(9).asDate().toLocalDate()).isEqualTo(LocalDate.parse(FollowUps.y("2026-12-31")));
            assertThat(first.getCell(10).getType()).isEqualTo(CellType.NUMBER);
            assertThat(first.getCell(10).asNumber()).isEqualByComparingTo("72.5");
            assertThat(first.getCell(12).asDate().toLocalDate()).isEqualTo(LocalDate.parse(FollowUps.y("2025-11-01")));
            assertThat(first.getCell(14).getType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(14).asString()).isEqualTo("'" + hyperlink);
            Row second = rows.get(2);
            assertThat(second.getCell(11).getType()).as("a negative number stays a number").isEqualTo(CellType.NUMBER);
            assertThat(second.getCell(11).asNumber()).isEqualByComparingTo("-2.5");
            assertThat(second.getCell(14).asString()).isEqualTo("'" + dde);
            assertThat(rows.get(3).getCell(14).asString()).isEqualTo("'-2+3");
            assertThat(rows.stream().flatMap(Row::stream).filter(c -> c != null && c.getType() == CellType.FORMULA)).isEmpty();
        }

        // The CSV holds the same, neutralised the same way; its numbers are plain numbers.
        var csv = official.download("/api/followup/plans/" + planId + "/overview.csv", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains(";72,5;;").contains(";\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"")
                .contains(";38;-2,5;").contains(";'+cmd|' /C calc'!A0").contains(";'-2+3");
        assertThat(text.lines()).noneMatch(line -> java.util.Arrays.stream(line.split(";")).anyMatch(c -> c.matches("^[=+@].*")));

        // The page links to both downloads, and the page's own routes answer them.
        Api page = Fixtures.as(app, "a.official");
        assertThat(page.getPage("/followup/planer/" + planId).body()).contains("/followup/planer/" + planId + "/oversigt.xlsx")
                .contains("/followup/planer/" + planId + "/oversigt.csv");
        var fromPage = page.download("/followup/planer/" + planId + "/oversigt.xlsx", "*/*");
        assertThat(fromPage.statusCode()).isEqualTo(200);
        assertThat(ReadableWorkbook.isOOXMLZipHeader(fromPage.body())).isTrue();
        // Content negotiation: each download answers its own media type when asked for exactly it, 406 for another.
        for (String[] download : new String[][]{{"/api/followup/plans/" + planId + "/overview.csv", "text/csv"},
                {"/api/followup/plans/" + planId + "/overview.xlsx", SpreadsheetDownloads.XLSX},
                {"/followup/planer/" + planId + "/oversigt.csv", "text/csv"},
                {"/followup/planer/" + planId + "/oversigt.xlsx", SpreadsheetDownloads.XLSX}}) {
            var asked = page.download(download[0], download[1]);
            assertThat(asked.statusCode()).as(download[0]).isEqualTo(200);
            assertThat(asked.headers().firstValue("Content-Type").orElse("")).as(download[0]).startsWith(download[1]);
            assertThat(page.download(download[0], "application/pdf").statusCode()).as(download[0] + " as PDF").isEqualTo(406);
        }
        // Another municipality gets nothing.
        assertThat(Fixtures.as(app, "b.official").download("/api/followup/plans/" + planId + "/overview.xlsx", SpreadsheetDownloads.XLSX)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aManagersDeadlinesAsACalendarFeedBehindAPersonalAddress() {
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        Api.Response page = manager.postForm("/followup/opgaver/kalender", Map.of("_csrf", manager.csrfToken()));
        assertThat(page.status()).isEqualTo(200);
        java.util.regex.Matcher address = java.util.regex.Pattern.compile("https?://[^/<]+(/followup/kalender/[A-Za-z0-9_-]+\\.ics)")
                .matcher(page.body());
        assertThat(address.find()).as("the new address is shown once").isTrue();
        Api anonymous = app.api();
        Api.Response feed = anonymous.getAny(address.group(1));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        String ics = feed.body().replace("\r\n ", "");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains(FollowUps.y("DTSTART;VALUE=DATE:20261231"))
                .contains(FollowUps.y("SUMMARY:Frist: status på Beskæftigelsesplan 2026 – Årlig status 2026 (3)"))
                .contains("1a: Mindst 75 pct. af borgerne er tilfredse med jobcentret").endsWith("END:VCALENDAR\r\n");
        assertThat(feed.body().lines()).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        // Asked for by its media type, the feed answers it; asked for a type it cannot give, 406.
        var asCalendar = anonymous.download(address.group(1), "text/calendar");
        assertThat(asCalendar.statusCode()).isEqualTo(200);
        assertThat(asCalendar.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(anonymous.download(address.group(1), "application/pdf").statusCode()).isEqualTo(406);
        // A new address makes the old one stop working.
        manager.postForm("/followup/opgaver/kalender", Map.of("_csrf", manager.csrfToken()));
        assertThat(anonymous.getAny(address.group(1)).status()).isEqualTo(404);
        assertThat(planId).isNotNull();
    }

    @Test
    void aMidYearRoundAddedToAPlanAlreadyInFollowUp() {
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        String path = "/api/followup/plans/" + planId + "/rounds";
        Api.Response wrongYear = official.post(path, Map.of("year", FollowUps.YEAR + 1, "dueDate", FollowUps.y("2027-06-30")));
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.body()).contains("\"field\":\"year\"");
        Api.Response afterAnnual = official.post(path, Map.of("year", FollowUps.YEAR, "dueDate", FollowUps.y("2027-01-15")));
        assertThat(afterAnnual.body()).contains("\"field\":\"dueDate\"");
        java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).plusDays(1);
        org.junit.jupiter.api.Assumptions.assumeTrue(tomorrow.isBefore(java.time.LocalDate.of(FollowUps.YEAR, 12, 31)),
                "a mid-year round needs a day left before the annual round's due date");
        String due = tomorrow.toString();
        Api.Response added = official.post(path, Map.of("year", FollowUps.YEAR, "dueDate", due));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json()).containsEntry("label", FollowUps.y("Halvårsstatus 2026")).containsEntry("tasks", 3).containsEntry("number", 1);
        assertThat(official.get(path).jsonList()).extracting(r -> r.get("label"), r -> r.get("number"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FollowUps.y("Halvårsstatus 2026"), 1), org.assertj.core.groups.Tuple.tuple(FollowUps.y("Årlig status 2026"), 2));
        assertThat(official.post(path, Map.of("year", FollowUps.YEAR, "dueDate", due)).status()).isEqualTo(409);
        assertThat(manager.get("/api/followup/tasks").jsonList()).filteredOn(t -> planId.toString().equals(t.get("planId"))).hasSize(6);
    }

    @Test
    void theSettingsPageNamesAWrongFieldAndSavesTheRest() {
        Api other = Fixtures.as(app, "b.official"); // municipality B: this test's settings touch no other test's plans
        Api.Response page = other.getPage("/followup/indstillinger");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Frist for den årlige status");
        int version = ((Number) other.get("/api/followup/settings").json().get("version")).intValue();
        Map<String, String> form = new java.util.HashMap<>(Map.of("_csrf", other.csrfToken(), "annualDue", "12-31", "midYear", "true",
                "midYearDue", "13-40", "escalationEmail", "ikke en adresse", "version", Integer.toString(version)));
        Api.Response refused = other.postForm("/followup/indstillinger", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("skal være måned og dag som 12-31").contains("skal være en e-mailadresse");
        assertThat(other.get("/api/followup/settings").json()).containsEntry("midYear", false);
        form.put("midYearDue", "06-15");
        form.put("escalationEmail", "chef@frederikssund.dk");
        Api.Response saved = other.postForm("/followup/indstillinger", form);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(other.get("/api/followup/settings").json()).containsEntry("midYear", true).containsEntry("midYearDue", "06-15")
                .containsEntry("escalationEmail", "chef@frederikssund.dk");
        assertThat(other.postForm("/followup/indstillinger", form).status()).as("the version read is stale now").isEqualTo(409);
    }

    /** Pixels in the colour of the charts' measured-value line (#004b87), which nothing else in the report uses. */
    private static int chartPixels(org.apache.pdfbox.pdmodel.PDDocument document) throws java.io.IOException {
        var renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
        int count = 0;
        for (int page = 0; page < document.getNumberOfPages(); page++) {
            java.awt.image.BufferedImage image = renderer.renderImageWithDPI(page, 72);
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    int rgb = image.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    if (r < 8 && Math.abs(g - 75) < 6 && Math.abs(b - 135) < 6) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private Api.Response postCsv(String path, String csv) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var cookie = login("a.official");
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url().replaceAll("/$", "") + path))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                    .header("Content-Type", "text/csv; charset=utf-8").header("Accept", "application/json")
                    .header("Cookie", cookie[0]).header("X-CSRF-Token", cookie[1]).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session cookie and CSRF token for a raw request (the Api client speaks JSON only). */
    private String[] login(String username) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url().replaceAll("/$", "") + "/api/login"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"))
                .header("Content-Type", "application/json").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = response.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        return new String[]{cookie, token};
    }
}
