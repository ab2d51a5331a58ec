import io.micronaut.json.JsonMapper;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The realistic load (bench/run-browse.sh, docs/performance.md): every municipality of the catalogue active, each with
 * USERS people (an official, a secretary, three managers, the rest readers) and an approved plan of its own, browsing the pages
 * people read most — the plan list, a plan, its document, its PDF, follow-up and the archive — at RATE page views a
 * second in all, for SECONDS. Each page kind's p50/p95/p99 is printed, counted from the moment the view was due (a
 * stall counts for every view it delays).
 * <p>
 * Set-up goes straight to the database where the product has no bulk path: municipalities switched on, users with the
 * demo users' password hash, and one signed-in session each (as if each had logged in once: a PBKDF2 login per person
 * would measure the password hash, not the pages). Each municipality's plan is imported through the API.
 * <p>
 * {@code java -cp beskplan.jar bench/Browse.java BASE_URL JDBC_URL USERS SECONDS RATE}
 */
public class Browse {
    static final JsonMapper JSON = JsonMapper.createDefault();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8, r -> { // daemon threads: the run ends when main does
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
            })).build();

    record Person(String username, String municipality, String role, String cookie, String csrf) {
    }

    /** A page kind, its share of the views, and the path for a person (null: the person cannot read this kind). */
    record Kind(String name, int weight, java.util.function.BiFunction<Person, String, String> path) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        int usersPer = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        double rate = Double.parseDouble(args[4]);

        List<Person> people = new ArrayList<>();
        Map<String, String> planOf = new ConcurrentHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            setUp(db, usersPer, people);
        }
        long t0 = System.nanoTime();
        importPlans(base, people, planOf);
        System.out.printf("municipalities: %d, people: %d, plans imported and approved in %.1f s%n",
                people.stream().map(Person::municipality).distinct().count(), people.size(), (System.nanoTime() - t0) / 1e9);

        List<Kind> kinds = List.of(
                new Kind("plan list (/plans)", 25, (p, plan) -> "/plans"),
                new Kind("plan page (/plans/{id})", 25, (p, plan) -> plan == null ? null : "/plans/" + plan),
                new Kind("plan document (/plans/{id}/dokument)", 15, (p, plan) -> plan == null ? null : "/plans/" + plan + "/dokument"),
                new Kind("plan PDF (/api/plans/{id}/document.pdf)", 3, (p, plan) -> plan == null ? null : "/api/plans/" + plan + "/document.pdf"),
                new Kind("follow-up list (/followup/planer)", 8, (p, plan) -> "READER".equals(p.role()) ? null : "/followup/planer"),
                new Kind("follow-up plan (/followup/planer/{id})", 7, (p, plan) -> plan == null || "READER".equals(p.role()) ? null
                        : "/followup/planer/" + plan),
                new Kind("my tasks (/followup/opgaver)", 7, (p, plan) -> "MANAGER".equals(p.role()) ? "/followup/opgaver" : null),
                new Kind("archive (/arkiv)", 10, (p, plan) -> "/arkiv"));
        int total = kinds.stream().mapToInt(Kind::weight).sum();

        Map<String, ConcurrentLinkedQueue<Long>> latencies = new LinkedHashMap<>();
        Map<String, AtomicInteger> errors = new LinkedHashMap<>();
        for (Kind k : kinds) {
            latencies.put(k.name(), new ConcurrentLinkedQueue<>());
            errors.put(k.name(), new AtomicInteger());
        }
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        long views = (long) (seconds * rate);
        System.err.printf("[browse] %d page views at %.0f a second%n", views, rate);
        for (long i = 0; i < views; i++) {
            long due = start + (long) (i / rate * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Person p = people.get(ThreadLocalRandom.current().nextInt(people.size()));
            Kind kind = pick(kinds, total);
            String path = kind.path().apply(p, planOf.get(p.municipality()));
            if (path == null) {
                kind = kinds.get(0);
                path = "/plans";
            }
            Kind k = kind;
            String target = path;
            pool.submit(() -> {
                try {
                    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(30))
                            .header("Cookie", "BESKPLAN_SESSION=" + p.cookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        if (errors.get(k.name()).incrementAndGet() <= 3) {
                            System.err.println("[browse] " + target + " as " + p.username() + ": " + r.statusCode());
                        }
                    }
                } catch (Exception e) {
                    errors.get(k.name()).incrementAndGet();
                }
                latencies.get(k.name()).add(System.nanoTime() - due);
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("page views: %d in %.1f s (%.1f a second)%n", views, took, views / took);
        System.out.println("| page | views | errors | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (Kind k : kinds) {
            List<Long> l = new ArrayList<>(latencies.get(k.name()));
            l.sort(null);
            System.out.printf("| %s | %d | %d | %s | %s | %s |%n", k.name(), l.size(), errors.get(k.name()).get(),
                    ms(l, 0.50), ms(l, 0.95), ms(l, 0.99));
        }
    }

    static Kind pick(List<Kind> kinds, int total) {
        int n = ThreadLocalRandom.current().nextInt(total);
        for (Kind k : kinds) {
            n -= k.weight();
            if (n < 0) {
                return k;
            }
        }
        return kinds.get(0);
    }

    static String ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return "–";
        }
        return String.format("%.1f", sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1e6);
    }

    /** Every catalogue municipality on, its people, and a session for each. */
    static void setUp(Connection db, int usersPer, List<Person> people) throws Exception {
        String hash;
        try (ResultSet rs = db.createStatement().executeQuery("select password_hash from platform.app_user where username = 'holbaek.laeser'")) {
            if (!rs.next()) {
                throw new IllegalStateException("the demo users are missing (run with the demo)");
            }
            hash = rs.getString(1);
        }
        db.createStatement().executeUpdate("update platform.municipality set active = true, activated_at = coalesce(activated_at, now())");
        List<String> codes = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("select code from platform.municipality order by code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        SecureRandom random = new SecureRandom();
        try (PreparedStatement user = db.prepareStatement("insert into platform.app_user (username, display_name, email, municipality_code,"
                + " roles, password_hash) values (?, ?, ?, ?, ?::text[], ?) on conflict (username) do nothing");
             PreparedStatement session = db.prepareStatement("insert into platform.user_session (id_hash, username, csrf_token, created_at,"
                     + " last_seen_at) values (?, ?, ?, now(), now())")) {
            for (String code : codes) {
                for (int i = 0; i < usersPer; i++) {
                    String role = i == 0 ? "OFFICIAL" : i == 1 ? "SECRETARY" : i <= 4 ? "MANAGER" : "READER";
                    String username = "browse-" + code + "-" + i;
                    user.setString(1, username);
                    user.setString(2, "Bruger " + i + " i " + code);
                    user.setString(3, username + "@browse.example");
                    user.setString(4, code);
                    user.setString(5, "{" + role + "}");
                    user.setString(6, hash);
                    user.addBatch();
                    String id = token(random);
                    String csrf = token(random);
                    session.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8))));
                    session.setString(2, username);
                    session.setString(3, csrf);
                    session.addBatch();
                    people.add(new Person(username, code, role, id, csrf));
                }
            }
            user.executeBatch();
            session.executeBatch();
        }
    }

    /**
     * One approved plan per municipality, through the API as people would do it: the official imports Holbæk 2025's
     * document under the municipality's code and submits it; the secretary sets up the committee and a meeting, puts the
     * plan on the agenda and records the approval. Follow-up then opens the plan with tasks for its managers.
     */
    @SuppressWarnings("unchecked")
    static void importPlans(String base, List<Person> people, Map<String, String> planOf) throws Exception {
        String template;
        try (InputStream in = Browse.class.getClassLoader().getResourceAsStream("demo-plans/holbaek-2025.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failed = new AtomicInteger();
        for (Person official : people) {
            if (!"OFFICIAL".equals(official.role())) {
                continue;
            }
            pool.submit(() -> {
                try {
                    Person secretary = people.stream().filter(p -> p.municipality().equals(official.municipality())
                            && "SECRETARY".equals(p.role())).findFirst().orElseThrow();
                    // The demo's municipalities have their approval route and approved plans already: browse those.
                    Map<String, Object> route = JSON.readValue(send(secretary, base, "GET", "/api/approval/route", null).body(), Map.class);
                    if (Boolean.TRUE.equals(route.get("configured"))) {
                        List<Map<String, Object>> plans = JSON.readValue(send(official, base, "GET", "/api/plans", null).body(),
                                io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
                        plans.stream().filter(pl -> "APPROVED".equals(pl.get("state"))).findFirst()
                                .ifPresent(pl -> planOf.put(official.municipality(), (String) pl.get("id")));
                        return;
                    }
                    Map<String, Object> document = JSON.readValue(template, Map.class);
                    document.put("municipality", official.municipality());
                    document.remove("municipalityName");
                    HttpResponse<String> r = send(official, base, "POST", "/api/plans/import", document);
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("import: " + r.statusCode() + " " + r.body());
                    }
                    String planId = (String) JSON.readValue(r.body(), Map.class).get("id");
                    approve(base, official, secretary, planId);
                    planOf.put(official.municipality(), planId);
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.err.println("[browse] plan of " + official.municipality() + ": " + e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (failed.get() > 0) {
            System.out.println("plan imports failed: " + failed.get());
        }
    }

    @SuppressWarnings("unchecked")
    static void approve(String base, Person official, Person secretary, String planId) throws Exception {
        List<Map<String, Object>> members = List.of(Map.of("name", "Anne Holm", "party", "A"), Map.of("name", "Bo Vestergaard", "party", "V"),
                Map.of("name", "Carina Lund", "party", "F"));
        Map<String, Object> committee = call(secretary, base, "POST", "/api/approval/committees", Map.of("name", "Beskæftigelsesudvalget",
                "kind", "COMMITTEE", "members", members, "secretaries", List.of(secretary.username()), "decidesPlans", true), 201);
        Map<String, Object> meeting = call(secretary, base, "POST", "/api/approval/meetings", Map.of("committeeId", committee.get("id"),
                "date", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString(), "place", "Rådhuset"), 201);
        call(official, base, "POST", "/api/plans/" + planId + "/submit", Map.of(), 200);
        String meetingId = (String) meeting.get("id");
        Map<String, Object> placed = null;
        for (int i = 0; i < 600 && placed == null; i++) {
            HttpResponse<String> r = send(secretary, base, "POST", "/api/approval/meetings/" + meetingId + "/agenda",
                    Map.of("kind", "PLAN", "planId", planId));
            if (r.statusCode() == 201) {
                placed = JSON.readValue(r.body(), Map.class);
            } else {
                Thread.sleep(100); // the submission is on its way to approval
            }
        }
        if (placed == null) {
            throw new IllegalStateException("the plan never reached approval");
        }
        String itemId = ((List<Map<String, Object>>) placed.get("agenda")).stream().filter(it -> planId.equals(it.get("planId")))
                .map(it -> (String) it.get("id")).findFirst().orElseThrow();
        call(secretary, base, "POST", "/api/approval/meetings/" + meetingId + "/agenda/" + itemId + "/decision",
                Map.of("followedRecommendation", true, "present", List.of("Anne Holm", "Bo Vestergaard", "Carina Lund")), 201);
        // Drafting applies the decision when its message arrives: browsing starts once the plan is approved there.
        for (int i = 0; i < 1200; i++) {
            if ("APPROVED".equals(call(official, base, "GET", "/api/plans/" + planId, null, 200).get("state"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the plan was never approved in drafting");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> call(Person who, String base, String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> r = send(who, base, method, path, body);
        for (int i = 0; i < 120 && r.statusCode() == 503; i++) {
            Thread.sleep(500); // "try again in a moment": the PDF renderer is busy (a submission renders the frozen PDF)
            r = send(who, base, method, path, body);
        }
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readValue(r.body(), Map.class);
    }

    static HttpResponse<String> send(Person who, String base, String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "BESKPLAN_SESSION=" + who.cookie())
                .header("X-CSRF-Token", who.csrf()).header("Accept", "application/json");
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
