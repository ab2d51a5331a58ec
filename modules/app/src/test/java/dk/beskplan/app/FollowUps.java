package dk.beskplan.app;

import dk.beskplan.contracts.drafting.PlanApproved;
import dk.beskplan.drafting.DraftingModule;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import io.micronaut.transaction.TransactionOperations;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follow-up scenarios start from an approved plan: {@link #approve} publishes drafting.plan-approved with a plan
 * document through drafting's outbox, exactly as drafting does when the committee's decision is final, and waits for
 * follow-up to open the plan.
 */
final class FollowUps {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The test plans run over the current year, so that their rounds are never already due when follow-up opens. */
    static final int YEAR = LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).getYear();

    /** A text written for 2026 (the plan year) and 2025 (the year before), for the current {@link #YEAR}. */
    static String y(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("202[567]").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Integer.toString(YEAR + Integer.parseInt(m.group()) - 2026));
        }
        return m.appendTail(out).toString();
    }

    private FollowUps() {
    }

    /** Two goals, three criteria of three kinds, plan year {@link #YEAR}. */
    static Map<String, Object> document(String municipality) {
        Map<String, Object> share = Map.of("code", "1a", "text", "Mindst 75 pct. af borgerne er tilfredse med jobcentret",
                "indicator", "Tilfredshed", "dataSource", "Jobcentrets tilfredshedsmåling", "deadline", y("2026-12-31"),
                "baselines", List.of(Map.of("label", y("Status 2025"), "date", y("2025-12-31"), "value", 70, "unit", "PERCENT")),
                "target", Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 75));
        Map<String, Object> national = Map.of("code", "1b", "text", "Andelen i beskæftigelse skal ligge 5 procentpoint over landsgennemsnittet",
                "indicator", "Andel i beskæftigelse", "dataSource", "Jobindsats.dk", "deadline", y("2026-12-31"), "baselines", List.of(),
                "target", Map.of("kind", "NATIONAL_AVERAGE", "relation", "ABOVE", "percentagePoints", 5, "betterWhen", "HIGHER"));
        Map<String, Object> count = Map.of("code", "2a", "text", "Jobcentret gennemfører mindst 500 virksomhedsbesøg",
                "indicator", "Antal virksomhedsbesøg", "dataSource", "Jobcentrets sagssystem", "deadline", y("2026-12-31"), "baselines", List.of(),
                "target", Map.of("kind", "COUNT", "comparator", "AT_LEAST", "count", 500));
        return Map.of("schemaVersion", 1, "municipality", municipality, "fromYear", YEAR, "toYear", YEAR,
                "title", y("Beskæftigelsesplan 2026"), "committeeName", "Udvalget for Beskæftigelse",
                "goals", List.of(
                        Map.of("kind", "LOCAL", "label", "Lokalt mål 1", "title", "Flere i job", "successCriteria", List.of(share, national)),
                        Map.of("kind", "LOCAL", "label", "Lokalt mål 2", "title", "Virksomhederne får hjælp", "successCriteria", List.of(count))));
    }

    /** Publishes the approval of a new plan and waits until follow-up has opened it; returns the plan id. */
    static UUID approve(TestApp app, String municipality, Map<String, Object> document, Api reader) {
        UUID planId = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        TransactionOperations<java.sql.Connection> tx = app.bean(TransactionOperations.class);
        tx.executeWrite(status -> app.bean(Outbox.class).append(DraftingModule.MODULE,
                new PlanApproved(planId, (String) document.get("title"), (Integer) document.get("fromYear"), (Integer) document.get("toYear"),
                        (String) document.get("committeeName"), 1, 1, false, "sha256:test", typed(app, document), UUID.randomUUID(),
                        "Udvalget for Beskæftigelse", LocalDate.of(FollowUps.YEAR - 1, 12, 10)),
                new MessageContext(municipality, planId, "a.secretary", null)));
        Eventually.await(WAIT, "follow-up opened", () -> reader.get("/api/followup/plans/" + planId + "/rounds"), r -> r.status() == 200);
        return planId;
    }

    /** The document as the typed plan a message carries (read as drafting reads an import). */
    static dk.beskplan.plandocument.PlanDocument typed(TestApp app, Map<String, Object> document) {
        try {
            return dk.beskplan.plandocument.PlanDocumentReader.read(
                    app.bean(io.micronaut.json.JsonMapper.class).writeValueToTree(document));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tasks(Api api, UUID planId) {
        Map<String, Object> overview = api.get("/api/followup/plans/" + planId).json();
        return ((List<Map<String, Object>>) overview.get("goals")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("criteria")).stream())
                .flatMap(c -> ((List<Map<String, Object>>) c.get("tasks")).stream()).toList();
    }

    static Map<String, Object> task(Api api, UUID planId, String code) {
        return tasks(api, planId).stream().filter(t -> code.equals(t.get("code"))).findFirst().orElseThrow();
    }

    static Api.Response report(Api api, Object taskId, Map<String, Object> report) {
        Api.Response current = api.get("/api/followup/tasks/" + taskId);
        return api.put("/api/followup/tasks/" + taskId + "/report", report, "If-Match", current.header("ETag"));
    }
}
