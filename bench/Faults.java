import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault run's two halves (bench/run-faults.sh, docs/reliability.md).
 * <p>
 * {@code drive URLS PLANS PER_SECOND IDS_FILE}: starts PLANS lifecycles, PER_SECOND a second, each through the API
 * (import, plan a meeting, submit, put on the agenda, approve; URLS comma-separated: one per application instance,
 * used in turn), while the script kills and restarts the app, the broker
 * and the database. A step that gets no answer (the app was killed, the database restarted) is retried once the app
 * answers again; before retrying it looks whether the step had in fact happened, so that no lifecycle is done twice.
 * <p>
 * {@code verify JDBC_URL IDS_FILE MINUTES}: waits until every plan is approved and followed up, then checks what the
 * architecture promises: every outbox drained, every message applied exactly once by each module that handles its
 * type (inbox against outboxes), the archive holding every message once. Prints the counts; exits 1 on a mismatch.
 */
public class Faults {
    static final JsonMapper JSON = JsonMapper.createDefault();
    static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(Argument.mapOf(String.class, Object.class));
    static final String PASSWORD = "demo-adgangskode-2026";
    static final List<String> MODULES = List.of("drafting", "approval", "followup", "archive");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("drive")) {
            new Driver(args[1]).drive(Integer.parseInt(args[2]), Double.parseDouble(args[3]), Path.of(args[4]));
        } else {
            System.exit(verify(args[1], Path.of(args[2]), Integer.parseInt(args[3])) ? 0 : 1);
        }
    }

    /** Thrown when the app gave no usable answer (down, restarting, or a 5xx while its database restarts). */
    static final class NoAnswer extends Exception {
        NoAnswer(String what) {
            super(what);
        }
    }

    static final class Driver {
        /** One base URL per application instance; requests go round-robin, so a dead instance costs a retry. */
        final String[] bases;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        Session official;
        Session secretary;

        Driver(String bases) {
            this.bases = bases.split(",");
        }

        final class Session {
            final String user;
            final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(2)).build();
            volatile String csrf = "";

            Session(String user) {
                this.user = user;
            }

            void login() throws NoAnswer {
                HttpResponse<String> r = raw("POST", "/api/login", json(Map.of("username", user, "password", PASSWORD)));
                if (r.statusCode() != 200) {
                    throw new NoAnswer("login " + r.statusCode());
                }
                csrf = (String) map(r).get("csrfToken");
            }

            HttpResponse<String> raw(String method, String path, String body) throws NoAnswer {
                try {
                    String base = bases[Math.floorMod(next.getAndIncrement(), bases.length)];
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                            .header("Accept", "application/json").header("X-CSRF-Token", csrf);
                    if (body != null) {
                        b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
                    } else {
                        b.method(method, HttpRequest.BodyPublishers.noBody());
                    }
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (r.statusCode() >= 500) {
                        throw new NoAnswer(method + " " + path + ": " + r.statusCode());
                    }
                    return r;
                } catch (IOException e) {
                    throw new NoAnswer(method + " " + path + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NoAnswer("interrupted");
                }
            }

            /** Sends until the app answers (a login again if the answer is 401); at most five minutes. */
            HttpResponse<String> send(String method, String path, Object body) throws Exception {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (true) {
                    try {
                        HttpResponse<String> r = raw(method, path, body == null ? null : json(body));
                        if (r.statusCode() == 401) {
                            login();
                            continue;
                        }
                        return r;
                    } catch (NoAnswer e) {
                        if (System.nanoTime() > deadline) {
                            throw e;
                        }
                        retries.incrementAndGet();
                        Thread.sleep(250);
                    }
                }
            }
        }

        void drive(int plans, double perSecond, Path idsFile) throws Exception {
            official = new Session("holbaek.embedsmand");
            secretary = new Session("holbaek.sekretaer");
            official.send("GET", "/api/me", null);
            secretary.send("GET", "/api/me", null);
            List<Map<String, Object>> committees = JSON.readValue(secretary.send("GET", "/api/approval/committees", null).body(), LIST);
            Map<String, Object> committee = committees.stream().filter(c -> "COMMITTEE".equals(c.get("kind"))).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            List<String> present = ((List<Map<String, Object>>) committee.get("members")).stream().map(m -> (String) m.get("name")).toList();
            String run = Long.toString(System.currentTimeMillis(), 36);
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            // A thread per lifecycle in flight: while the broker is down, lifecycles wait for their submission to
            // reach approval, and new ones keep starting, so the outboxes fill as they would in production.
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(plans, 512));
            long start = System.nanoTime();
            AtomicInteger failed = new AtomicInteger();
            for (int i = 0; i < plans; i++) {
                long due = start + (long) (i / perSecond * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = i;
                pool.submit(() -> {
                    try {
                        ids.add(lifecycle("Fejlplan " + run + "-" + n, (String) committee.get("id"), present));
                        int d = done.incrementAndGet();
                        if (d % 50 == 0) {
                            System.err.printf("[faults] %d lifecycles through the API (%d retries)%n", d, retries.get());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println("[faults] lifecycle " + n + " failed: " + e);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.MINUTES);
            Files.write(idsFile, ids);
            System.out.println("lifecycles driven through the API: " + ids.size() + " of " + plans + " (failed: " + failed.get() + ")");
            System.out.println("requests retried after no answer: " + retries.get());
            System.out.printf("driving took: %.1f s%n", (System.nanoTime() - start) / 1e9);
        }

        String lifecycle(String title, String committeeId, List<String> present) throws Exception {
            String planId = importOnce(title);
            String meetingId = (String) map(expect(secretary.send("POST", "/api/approval/meetings", Map.of("committeeId", committeeId,
                    "date", LocalDate.now(ZoneId.of("Europe/Copenhagen")).toString(), "place", "Rådhuset")), 201)).get("id");
            HttpResponse<String> submitted = official.send("POST", "/api/plans/" + planId + "/submit", Map.of());
            if (submitted.statusCode() != 200 && !"SUBMITTED".equals(map(official.send("GET", "/api/plans/" + planId, null)).get("state"))) {
                throw new IllegalStateException("submit " + planId + ": " + submitted.statusCode() + " " + submitted.body());
            }
            String itemId = placeOnce(meetingId, planId);
            HttpResponse<String> decided = secretary.send("POST", "/api/approval/meetings/" + meetingId + "/agenda/" + itemId + "/decision",
                    Map.of("followedRecommendation", true, "present", present));
            if (decided.statusCode() != 201 && !decided.body().contains("allerede behandlet")) {
                throw new IllegalStateException("decide " + planId + ": " + decided.statusCode() + " " + decided.body());
            }
            return planId;
        }

        /** Imports the plan; when the answer was lost, the plan may exist already: look for it by its title first. */
        String importOnce(String title) throws Exception {
            while (true) {
                try {
                    HttpResponse<String> r = official.raw("POST", "/api/plans/import", json(document(title)));
                    if (r.statusCode() == 401) {
                        official.login();
                        continue;
                    }
                    return (String) map(expect(r, 201)).get("id");
                } catch (NoAnswer e) {
                    retries.incrementAndGet();
                    Thread.sleep(250);
                    List<Map<String, Object>> all = JSON.readValue(official.send("GET", "/api/plans", null).body(), LIST);
                    for (Map<String, Object> p : all) {
                        if (title.equals(p.get("title"))) {
                            return (String) p.get("id");
                        }
                    }
                }
            }
        }

        /** Puts the plan on the agenda once it has reached approval; a lost answer is checked on the meeting. */
        @SuppressWarnings("unchecked")
        String placeOnce(String meetingId, String planId) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> r = secretary.raw("POST", "/api/approval/meetings/" + meetingId + "/agenda",
                            json(Map.of("kind", "PLAN", "planId", planId)));
                    if (r.statusCode() == 201 || r.statusCode() == 409) {
                        Map<String, Object> meeting = r.statusCode() == 201 ? map(r)
                                : map(secretary.send("GET", "/api/approval/meetings/" + meetingId, null));
                        for (Map<String, Object> item : (List<Map<String, Object>>) meeting.getOrDefault("agenda", List.of())) {
                            if (planId.equals(item.get("planId"))) {
                                return (String) item.get("id");
                            }
                        }
                    }
                    if (r.statusCode() == 401) {
                        secretary.login();
                    }
                    // 400: the submission has not reached approval yet (the broker may be down): wait for it.
                } catch (NoAnswer e) {
                    retries.incrementAndGet();
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("plan " + planId + " never reached approval");
        }
    }

    static boolean verify(String jdbcUrl, Path idsFile, int minutes) throws Exception {
        List<String> ids = Files.readAllLines(idsFile).stream().filter(s -> !s.isBlank()).toList();
        String in = "'" + String.join("','", ids) + "'";
        boolean ok = true;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MINUTES.toNanos(minutes);
            while (true) {
                long approved = one(db, "select count(*) from drafting.plan where state = 'APPROVED' and id in (" + in + ")");
                long followed = one(db, "select count(distinct ordering_key) from followup.outbox where type = 'followup.follow-up-opened'"
                        + " and ordering_key in (" + in + ")");
                long unpublished = unpublished(db);
                long archived = one(db, "select count(*) from archive.record");
                long published = total(db);
                // Drafting's worker renders the frozen revisions' PDFs after the approval and then sends each its
                // plan-document-frozen message: until that backlog is gone, messages are still to come.
                long pdfsToRender = one(db, "select count(*) from drafting.frozen_document where pdf is null");
                if (approved == ids.size() && followed == ids.size() && unpublished == 0 && pdfsToRender == 0
                        && archived >= published) {
                    System.out.printf("settled %.1f s after the last fault%n", (System.nanoTime() - start) / 1e9);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    System.out.println("NOT settled within " + minutes + " min: approved " + approved + ", followed up " + followed
                            + ", unpublished " + unpublished + ", PDFs to render " + pdfsToRender + ", archived " + archived
                            + " of " + published);
                    ok = false;
                    break;
                }
                Thread.sleep(500);
            }
            Thread.sleep(2000); // let the last acks land

            System.out.println("plans driven: " + ids.size());
            Map<String, Long> states = new LinkedHashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery("select state, count(*) from drafting.plan where id in (" + in
                    + ") group by state order by state")) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getLong(2));
                }
            }
            System.out.println("their state in drafting: " + states);
            ok &= states.getOrDefault("APPROVED", 0L) == ids.size();

            long all = total(db);
            System.out.println("messages written to the outboxes: " + all);
            for (String m : MODULES) {
                System.out.printf("  %-9s outbox %6d (unpublished %d), inbox %6d%n", m, one(db, "select count(*) from " + m + ".outbox"),
                        one(db, "select count(*) from " + m + ".outbox where published_at is null"), one(db, "select count(*) from " + m + ".inbox"));
            }
            long unpublished = unpublished(db);
            ok &= unpublished == 0;

            // Each module applied every message of each type it handles exactly once: its inbox holds each such
            // message once (the inbox's key), and as many of them as the outboxes sent.
            String outboxes = String.join(" union all ", MODULES.stream().map(m -> "select message_id, type from " + m + ".outbox").toList());
            for (String m : MODULES) {
                try (ResultSet rs = db.createStatement().executeQuery("select i.type, count(*), (select count(*) from (" + outboxes
                        + ") o where o.type = i.type), count(*) filter (where not exists (select 1 from (" + outboxes
                        + ") o where o.message_id = i.message_id)) from " + m + ".inbox i group by i.type order by i.type")) {
                    while (rs.next()) {
                        boolean match = rs.getLong(2) == rs.getLong(3) && rs.getLong(4) == 0;
                        ok &= match;
                        System.out.printf("  %-9s applied %-38s %6d of %6d sent%s%n", m, rs.getString(1), rs.getLong(2), rs.getLong(3),
                                match ? "" : "  MISMATCH (" + rs.getLong(4) + " unknown)");
                    }
                }
            }
            long archived = one(db, "select count(*) from archive.record");
            long distinct = one(db, "select count(distinct message_id) from archive.record");
            long missing = one(db, "select count(*) from (" + outboxes + ") o where not exists (select 1 from archive.record r"
                    + " where r.message_id = o.message_id)");
            System.out.println("archive records: " + archived + " (distinct messages " + distinct + ", messages not archived " + missing + ")");
            ok &= archived == all && distinct == archived && missing == 0;
            long rounds = one(db, "select count(distinct ordering_key) from followup.outbox where type = 'followup.follow-up-opened'"
                    + " and ordering_key in (" + in + ")");
            long openings = one(db, "select count(*) from followup.outbox where type = 'followup.follow-up-opened' and ordering_key in (" + in + ")");
            System.out.println("follow-up opened: " + rounds + " plans, " + openings + " openings");
            ok &= rounds == ids.size() && openings == ids.size();
        }
        System.out.println(ok ? "verification: PASSED" : "verification: FAILED");
        return ok;
    }

    static long unpublished(Connection db) throws Exception {
        long n = 0;
        for (String m : MODULES) {
            n += one(db, "select count(*) from " + m + ".outbox where published_at is null");
        }
        return n;
    }

    static long total(Connection db) throws Exception {
        long n = 0;
        for (String m : MODULES) {
            n += one(db, "select count(*) from " + m + ".outbox");
        }
        return n;
    }

    static long one(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Object> document(String title) {
        List<Map<String, Object>> goals = new ArrayList<>();
        for (int g = 1; g <= 6; g++) {
            List<Map<String, Object>> criteria = new ArrayList<>();
            for (int c = 1; c <= (g <= 2 ? 4 : 3); c++) {
                criteria.add(Map.of("text", "Succeskriterium " + g + "." + c, "baselines", List.of(),
                        "target", Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 50 + c)));
            }
            goals.add(Map.of("kind", "LOCAL", "label", "Lokalt mål " + g, "title", "Mål " + g, "objectives", List.of("Flere i job"),
                    "successCriteria", criteria));
        }
        return Map.of("schemaVersion", 1, "municipality", "316", "fromYear", 2027, "toYear", 2027, "title", title,
                "committeeName", "Udvalget for Beskæftigelse, Uddannelse og Erhverv", "goals", goals);
    }

    static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + ": " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(HttpResponse<String> r) {
        try {
            return JSON.readValue(r.body(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(r.body(), e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
