import io.micronaut.json.JsonMapper;
import org.yaml.snakeyaml.Yaml;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad input, measured (docs/reliability.md): sends at least 10,000 invalid or hostile requests to every endpoint of a
 * running Beskplan with demo data — every API operation of its OpenAPI description and every form of its pages —
 * and expects no response with status 5xx and no change in the database.
 * <p>
 * Every write it sends carries at least one defect that must make the application refuse it: no session, no or a
 * wrong CSRF token, the wrong role, another municipality, a path id that is no id or names nothing, a body that is no
 * JSON, of the wrong JSON type or content type, without its required fields, with fields of the wrong type, with
 * strings far beyond any sensible length, hostile unicode with a required field missing, 11 MB, or a stale If-Match.
 * Reads are sent with the same defects; any answer but a 5xx is fine for them.
 * <p>
 * {@code java -cp modules/app/target/beskplan.jar bench/Fuzz.java URL JDBC_URL [MIN_REQUESTS]}; run by bench/run-fuzz.sh.
 */
public class Fuzz {
    static final JsonMapper JSON = JsonMapper.createDefault();
    static final String PASSWORD = "demo-adgangskode-2026";
    static final Random RANDOM = new Random(20261202);

    final String base;
    final String jdbcUrl;
    final int minimum;
    final Map<Integer, AtomicInteger> byStatus = new TreeMap<>();
    final Map<String, AtomicInteger> byDefect = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
    final AtomicInteger sent = new AtomicInteger();
    final ConcurrentLinkedQueue<String> notSendable = new ConcurrentLinkedQueue<>();
    final ExecutorService pool = Executors.newFixedThreadPool(8);
    final List<Runnable> work = new ArrayList<>();
    final Map<String, Session> users = new LinkedHashMap<>();
    final Ids ids = new Ids();
    /** The 11 MB bodies are sent in the first round only, and made when sent, not when planned. */
    boolean firstRound = true;
    static final String ELEVEN_MEGABYTES = "<11 MB>";

    Fuzz(String base, String jdbcUrl, int minimum) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.minimum = minimum;
    }

    public static void main(String[] args) throws Exception {
        Fuzz fuzz = new Fuzz(args[0], args[1], args.length > 2 ? Integer.parseInt(args[2]) : 10_000);
        System.exit(fuzz.run() ? 0 : 1);
    }

    /** A client with its own cookies; logged in unless anonymous. */
    final class Session {
        final String name;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = "";

        Session(String name, String user) throws Exception {
            this.name = name;
            if (user != null) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user, "password", PASSWORD))))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
                }
                csrf = (String) JSON.readValue(r.body(), Map.class).get("csrfToken");
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Real ids of the demo data, by kind, and Frederikssund's for tenancy checks. */
    static final class Ids {
        final List<String> plans = new ArrayList<>();
        final List<String> otherPlans = new ArrayList<>();
        final List<String> meetings = new ArrayList<>();
        final List<String> items = new ArrayList<>();
        final List<String> committees = new ArrayList<>();
    }

    boolean run() throws Exception {
        users.put("anonymous", new Session("anonymous", null));
        users.put("official", new Session("official", "holbaek.embedsmand"));
        users.put("secretary", new Session("secretary", "holbaek.sekretaer"));
        users.put("manager", new Session("manager", "holbaek.leder"));
        users.put("reader", new Session("reader", "holbaek.laeser"));
        users.put("other-official", new Session("other-official", "frederikssund.embedsmand"));
        users.put("other-secretary", new Session("other-secretary", "frederikssund.sekretaer"));
        collectIds();

        Map<String, String> before = snapshot();
        List<Operation> operations = operations();
        for (Operation op : operations) {
            planOperation(op);
        }
        List<Form> forms = crawlForms();
        for (Form form : forms) {
            planForm(form);
        }
        planLogins();
        // Repeat with fresh random values until the minimum is reached (each round draws new junk).
        firstRound = false;
        while (work.size() < minimum) {
            for (Operation op : operations) {
                planOperation(op);
            }
        }
        long start = System.nanoTime();
        for (Runnable r : work) {
            pool.submit(r);
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(3000); // anything a refused request had wrongly sent would have travelled by now
        Map<String, String> after = snapshot();

        System.out.println("operations in the API description: " + operations.size());
        System.out.println("forms found on the pages: " + forms.size());
        System.out.println("requests sent: " + sent.get() + String.format(" in %.1f s", seconds));
        System.out.println("requests the HTTP client would not build (not sent, not counted): " + notSendable.size());
        System.out.println("responses by status (0: the connection was closed, e.g. on an 11 MB body):");
        synchronized (byStatus) {
            byStatus.forEach((status, n) -> System.out.println("  " + status + ": " + n.get()));
        }
        System.out.println("requests by defect:");
        new TreeMap<>(byDefect).forEach((d, n) -> System.out.println("  " + d + ": " + n.get()));
        long fives = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().get()).sum();
        System.out.println("responses with status 5xx: " + fives);
        serverErrors.stream().limit(20).forEach(e -> System.out.println("  5xx: " + e));
        List<String> changed = new ArrayList<>();
        for (String table : before.keySet()) {
            if (!before.get(table).equals(after.get(table))) {
                changed.add(table);
            }
        }
        System.out.println("tables compared: " + before.size() + ", changed: " + changed.size() + (changed.isEmpty() ? "" : " " + changed));
        return fives == 0 && changed.isEmpty() && sent.get() >= minimum;
    }

    // ---------------------------------------------------------------- ids and snapshots

    @SuppressWarnings("unchecked")
    void collectIds() throws Exception {
        for (Map<String, Object> p : list(users.get("official").get("/api/plans"))) {
            ids.plans.add((String) p.get("id"));
        }
        for (Map<String, Object> p : list(users.get("other-official").get("/api/plans"))) {
            ids.otherPlans.add((String) p.get("id"));
        }
        for (Map<String, Object> m : list(users.get("secretary").get("/api/approval/meetings"))) {
            String id = (String) m.get("id");
            ids.meetings.add(id);
            Map<String, Object> meeting = JSON.readValue(users.get("secretary").get("/api/approval/meetings/" + id).body(), Map.class);
            for (Map<String, Object> item : (List<Map<String, Object>>) meeting.getOrDefault("agenda", List.of())) {
                ids.items.add((String) item.get("id"));
            }
        }
        for (Map<String, Object> c : list(users.get("secretary").get("/api/approval/committees"))) {
            ids.committees.add((String) c.get("id"));
        }
        if (ids.plans.isEmpty() || ids.meetings.isEmpty() || ids.items.isEmpty()) {
            throw new IllegalStateException("no demo data: start the app with MICRONAUT_ENVIRONMENTS=demo");
        }
    }

    /**
     * Every table of the application's schemas as a digest of its rows. Sessions are left out (logging in is what
     * the fuzzer's users did), and so is the users' login bookkeeping.
     */
    Map<String, String> snapshot() throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("select table_schema || '.' || table_name from information_schema.tables"
                    + " where table_schema in ('platform', 'drafting', 'approval', 'followup', 'archive') and table_type = 'BASE TABLE'"
                    + " order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (table.equals("platform.user_session")) {
                    continue;
                }
                String rows = table.equals("platform.app_user")
                        ? "(select username, display_name, email, municipality_code, roles, password_hash from platform.app_user) t"
                        : table + " t";
                try (ResultSet rs = db.createStatement().executeQuery("select count(*), coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                        + " from " + rows)) {
                    rs.next();
                    digests.put(table, rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        }
        return digests;
    }

    // ---------------------------------------------------------------- the API description

    record Operation(String method, String path, List<String> headerParams, Map<String, Object> bodySchema, boolean secured) {
    }

    @SuppressWarnings("unchecked")
    List<Operation> operations() throws Exception {
        String yaml = users.get("anonymous").get("/swagger/beskplan.yml").body();
        Map<String, Object> api = new Yaml().load(yaml);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
        List<Operation> operations = new ArrayList<>();
        for (var path : ((Map<String, Object>) api.get("paths")).entrySet()) {
            for (var entry : ((Map<String, Object>) path.getValue()).entrySet()) {
                String method = entry.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                Map<String, Object> op = (Map<String, Object>) entry.getValue();
                List<String> headers = new ArrayList<>();
                for (Map<String, Object> p : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
                    if ("header".equals(p.get("in"))) {
                        headers.add((String) p.get("name"));
                    }
                }
                Map<String, Object> body = null;
                Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
                if (requestBody != null) {
                    Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
                    Map<String, Object> media = (Map<String, Object>) content.values().iterator().next();
                    body = resolve((Map<String, Object>) media.get("schema"), schemas, 0);
                }
                operations.add(new Operation(method, path.getKey(), headers, body, !path.getKey().equals("/api/login")));
            }
        }
        return operations;
    }

    /** The schema with its references resolved (a few levels deep: enough to know types and required fields). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas, int depth) {
        if (schema == null || depth > 4) {
            return Map.of("type", "object");
        }
        if (schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
            return resolve((Map<String, Object>) schemas.get(name), schemas, depth + 1);
        }
        if (schema.containsKey("allOf")) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Map<String, Object> part : (List<Map<String, Object>>) schema.get("allOf")) {
                merged.putAll(resolve(part, schemas, depth + 1));
            }
            return merged;
        }
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        if (schema.get("properties") instanceof Map<?, ?> props) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            props.forEach((k, v) -> resolved.put((String) k, resolve((Map<String, Object>) v, schemas, depth + 1)));
            copy.put("properties", resolved);
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            copy.put("items", resolve((Map<String, Object>) items, schemas, depth + 1));
        }
        return copy;
    }

    // ---------------------------------------------------------------- planning requests for an operation

    void planOperation(Operation op) {
        boolean write = !op.method().equals("GET");
        String path = op.path();
        List<String> real = realPaths(path);
        // Authorization defects, on real resources with a plausible body.
        for (String p : real) {
            String body = op.bodySchema() == null ? null : json(plausible(op.bodySchema()));
            if (op.secured()) {
                send("no session", "anonymous", op.method(), p, body, "application/json", Map.of(), true);
            }
            if (write && op.secured()) {
                send("no CSRF token", "official", op.method(), p, body, "application/json", Map.of(), false);
                send("no CSRF token", "secretary", op.method(), p, body, "application/json", Map.of(), false);
                send("wrong CSRF token", "secretary", op.method(), p, body, "application/json", Map.of("X-CSRF-Token", randomToken()), false);
                send("wrong role", "reader", op.method(), p, body, "application/json", Map.of(), true);
                if (path.startsWith("/api/plans") || path.startsWith("/api/approval")) {
                    send("wrong role", "manager", op.method(), p, body, "application/json", Map.of(), true);
                }
            } else if (!write) {
                for (String user : users.keySet()) {
                    send("read as " + user, user, "GET", p, null, null, Map.of(), true);
                }
            }
        }
        // Another municipality's user on Holbæk's resources, and Holbæk's on Frederikssund's plans.
        if (path.contains("{")) {
            for (String p : real) {
                String body = op.bodySchema() == null ? null : json(plausible(op.bodySchema()));
                send("other municipality", "other-official", op.method(), p, body, "application/json", Map.of(), true);
                send("other municipality", "other-secretary", op.method(), p, body, "application/json", Map.of(), true);
            }
            if (path.startsWith("/api/plans/{id}") || path.contains("{planId}")) {
                for (String other : ids.otherPlans) {
                    String p = path.replace("{id}", other).replace("{planId}", other).replace("{revision}", "1");
                    send("other municipality", "official", op.method(), p, null, "application/json", Map.of(), true);
                    send("other municipality", "secretary", op.method(), p, null, "application/json", Map.of(), true);
                }
            }
            // Path ids that are no ids, or name nothing.
            for (String junk : junkIds()) {
                String p = path.replaceAll("\\{[^}]+}", URLEncoder.encode(junk, StandardCharsets.UTF_8).replace("+", "%20"));
                send("path id not an id", write ? roleFor(path) : "official", op.method(), p, null, "application/json", Map.of(), true);
            }
            String p = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            send("path id names nothing", roleFor(path), op.method(), p, op.bodySchema() == null ? null : json(plausible(op.bodySchema())),
                    "application/json", Map.of(), true);
        }
        if (!write || real.isEmpty()) {
            return;
        }
        String user = roleFor(path);
        for (String p : real) {
            if (op.bodySchema() != null) {
                for (String broken : List.of("{", "{\"a\":", "{\"title\": \"x\",}", "nul", "{\"x\":\"\u0000\u0001\"", "\uFEFF{}x", "[[[[[[[[[[")) {
                    send("body not JSON", user, op.method(), p, broken, "application/json", Map.of(), true);
                }
                for (String wrongType : List.of("[]", "\"text\"", "42", "true", "null", "[{}]")) {
                    send("body of the wrong JSON type", user, op.method(), p, wrongType, "application/json", Map.of(), true);
                }
                for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
                    send("wrong content type", user, op.method(), p, "<plan>" + json(plausible(op.bodySchema())) + "</plan>", type, Map.of(), true);
                }
                List<String> required = required(op.bodySchema());
                if (!required.isEmpty()) {
                    send("required fields missing", user, op.method(), p, "{}", "application/json", Map.of(), true);
                    Map<String, Object> nulls = new LinkedHashMap<>();
                    required.forEach(r -> nulls.put(r, null));
                    send("required fields null", user, op.method(), p, json(nulls), "application/json", Map.of(), true);
                    Map<String, Object> hostile = hostile(op.bodySchema());
                    hostile.remove(required.get(0));
                    send("hostile unicode, a required field missing", user, op.method(), p, json(hostile), "application/json", Map.of(), true);
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("municipality", "250");
                    extra.put("id", UUID.randomUUID().toString());
                    extra.put("__proto__", Map.of("admin", true));
                    extra.put("roles", List.of("ADMIN"));
                    send("extra fields, required missing", user, op.method(), p, json(extra), "application/json", Map.of(), true);
                }
                Map<String, Object> wrong = wrongTypes(op.bodySchema());
                if (!wrong.isEmpty()) {
                    send("fields of the wrong type", user, op.method(), p, json(wrong), "application/json", Map.of(), true);
                }
                Map<String, Object> huge = huge(op.bodySchema());
                if (!huge.isEmpty()) {
                    send("strings of 100,000 characters", user, op.method(), p, json(huge), "application/json", Map.of(), true);
                }
            }
            if (firstRound && p.equals(real.get(0))) {
                send("11 MB body", user, op.method(), p, ELEVEN_MEGABYTES, "application/json", Map.of(), true);
            }
            if (op.headerParams().contains("If-Match")) {
                String body = op.bodySchema() == null ? null : json(plausible(op.bodySchema()));
                send("stale If-Match", user, op.method(), p, body, "application/json", Map.of("If-Match", "\"987654\""), true);
                send("If-Match not a version", user, op.method(), p, body, "application/json", Map.of("If-Match", "\"abc'; drop table x; --\""), true);
            }
        }
    }

    /** The role that may do what the path is about (so the defect, not the role, is what gets refused). */
    static String roleFor(String path) {
        return path.startsWith("/api/approval") ? "secretary" : path.startsWith("/api/followup") ? "manager" : "official";
    }

    /** The path with its parameters filled with real ids of the kind it names. */
    List<String> realPaths(String path) {
        if (!path.contains("{")) {
            return List.of(path);
        }
        List<String> result = new ArrayList<>();
        List<String> first = path.startsWith("/api/approval/meetings") ? ids.meetings
                : path.startsWith("/api/approval/committees") ? ids.committees : ids.plans;
        for (int i = 0; i < Math.min(3, first.size()); i++) {
            String p = path.replaceFirst("\\{(id|planId)}", first.get(i));
            p = p.replace("{itemId}", ids.items.get(i % ids.items.size())).replace("{revision}", "1");
            p = p.replaceAll("\\{[^}]+}", first.get(i));
            result.add(p);
        }
        return result;
    }

    static List<String> junkIds() {
        return List.of("not-a-uuid", "1", "-1", "0", "../../etc/passwd", "%00", "1 OR 1=1", "'; drop table drafting.plan; --",
                "😀", "\u202Egnp.exe", "x".repeat(5000), UUID.randomUUID().toString().toUpperCase() + "0",
                "00000000-0000-0000-0000-00000000000g", " ", "{id}", "null");
    }

    // ---------------------------------------------------------------- values from a schema

    @SuppressWarnings("unchecked")
    static List<String> required(Map<String, Object> schema) {
        return schema.get("required") instanceof List<?> r ? (List<String>) r : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        return schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Map<String, Object>>) p : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Object plausibleValue(Map<String, Object> schema, int depth) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = String.valueOf(schema.getOrDefault("type", "object"));
        String format = String.valueOf(schema.get("format"));
        return switch (type) {
            case "string" -> switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2027-01-15";
                case "date-time" -> "2027-01-15T10:00:00Z";
                default -> "x";
            };
            case "integer", "number" -> 1;
            case "boolean" -> false;
            case "array" -> depth > 2 ? List.of() : List.of(plausibleValue((Map<String, Object>) schema.getOrDefault("items", Map.of()), depth + 1));
            default -> depth > 2 ? Map.of() : plausible(schema);
        };
    }

    static Map<String, Object> plausible(Map<String, Object> schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        properties(schema).forEach((name, s) -> body.put(name, plausibleValue(s, 1)));
        return body;
    }

    static Map<String, Object> wrongTypes(Map<String, Object> schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        properties(schema).forEach((name, s) -> {
            String type = String.valueOf(s.getOrDefault("type", "object"));
            Object wrong = switch (type) {
                case "string" -> s.containsKey("enum") ? "NOT_ONE_OF_THEM" : switch (String.valueOf(s.get("format"))) {
                    case "uuid" -> "not-a-uuid";
                    case "date" -> "2026-13-45";
                    default -> Map.of("nested", List.of(1, 2));
                };
                case "integer", "number" -> RANDOM.nextBoolean() ? "twelve" : 1e308 * 10;
                case "boolean" -> "maybe";
                case "array" -> "not a list";
                default -> "not an object";
            };
            body.put(name, wrong);
        });
        return body;
    }

    static Map<String, Object> huge(Map<String, Object> schema) {
        Map<String, Object> body = plausible(schema);
        boolean any = false;
        for (var e : properties(schema).entrySet()) {
            if ("string".equals(e.getValue().get("type")) && !e.getValue().containsKey("enum") && e.getValue().get("format") == null) {
                body.put(e.getKey(), hostileText(100_000));
                any = true;
            } else if ("array".equals(e.getValue().get("type"))) {
                List<Object> many = new ArrayList<>();
                for (int i = 0; i < 5000; i++) {
                    many.add(plausibleValue(e.getValue(), 3) instanceof List<?> l && !l.isEmpty() ? l.get(0) : "x");
                }
                body.put(e.getKey(), many);
                any = true;
            }
        }
        return any ? body : Map.of();
    }

    static Map<String, Object> hostile(Map<String, Object> schema) {
        Map<String, Object> body = plausible(schema);
        for (var e : properties(schema).entrySet()) {
            if ("string".equals(e.getValue().get("type")) && !e.getValue().containsKey("enum") && e.getValue().get("format") == null) {
                body.put(e.getKey(), hostileText(40));
            }
        }
        return body;
    }

    static final String[] NASTY = {"\u0000", "\u202E", "\uFEFF", "😀", "👩‍👩‍👧", "Æ", "ø", "å", "<script>alert(1)</script>", "' OR '1'='1",
            "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "[[${7*7}]]", "%s%n", "\\", "\"", "\r\n", "\t", "𝔘𝔫𝔦", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗", "\uD800"};

    static String hostileText(int length) {
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append(NASTY[RANDOM.nextInt(NASTY.length)]);
        }
        return text.toString();
    }

    static String randomToken() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    // ---------------------------------------------------------------- the pages' forms

    record Form(String action, List<String> fields, String foundBy) {
    }

    static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    static final Pattern FORM = Pattern.compile("<form[^>]*method=\"post\"[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    static final Pattern FIELD = Pattern.compile("name=\"([^\"]+)\"");

    /** Walks the pages as each role (links within the site, at most 400 pages each) and collects their forms. */
    List<Form> crawlForms() throws Exception {
        Map<String, Form> forms = new LinkedHashMap<>();
        for (String user : List.of("official", "secretary", "manager", "reader")) {
            Session s = users.get(user);
            Set<String> seen = new LinkedHashSet<>();
            List<String> queue = new ArrayList<>(List.of("/"));
            while (!queue.isEmpty() && seen.size() < 400) {
                String page = queue.remove(0);
                if (!seen.add(page) || page.startsWith("/logout") || page.startsWith("/static") || page.startsWith("/webjars")
                        || page.startsWith("/swagger") || page.endsWith(".pdf") || page.endsWith(".csv") || page.endsWith(".ics") || page.endsWith(".zip")) {
                    continue;
                }
                HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(URI.create(base + page)).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                count(r.statusCode(), "crawl as " + user, "GET " + page);
                if (r.statusCode() != 200) {
                    continue;
                }
                String html = r.body().replace("&amp;", "&");
                Matcher links = LINK.matcher(html);
                while (links.find()) {
                    queue.add(links.group(1));
                }
                Matcher f = FORM.matcher(html);
                while (f.find()) {
                    String action = f.group(1);
                    if (action.startsWith("/logout") || action.startsWith("/login")) {
                        continue;
                    }
                    List<String> fields = new ArrayList<>();
                    Matcher field = FIELD.matcher(f.group(2));
                    while (field.find()) {
                        if (!fields.contains(field.group(1))) {
                            fields.add(field.group(1));
                        }
                    }
                    forms.putIfAbsent(action, new Form(action, fields, user));
                }
            }
        }
        return new ArrayList<>(forms.values());
    }

    void planForm(Form form) {
        String plausible = formBody(form, "x", null);
        sendForm("form: no session", "anonymous", form.action(), formBody(form, "x", randomToken()));
        sendForm("form: no CSRF token", form.foundBy(), form.action(), plausible);
        sendForm("form: wrong CSRF token", form.foundBy(), form.action(), formBody(form, "x", randomToken()));
        if (!form.foundBy().equals("reader")) {
            sendForm("form: wrong role", "reader", form.action(), formBody(form, "x", users.get("reader").csrf));
        }
        String junk = form.action().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "not-an-id");
        if (!junk.equals(form.action())) {
            // Only forms about one of Holbæk's things: creating something is the other municipality's right.
            sendForm("form: other municipality", "other-secretary", form.action(), formBody(form, hostileText(30), users.get("other-secretary").csrf));
            sendForm("form: other municipality", "other-official", form.action(), formBody(form, "x", users.get("other-official").csrf));
            sendForm("form: path id not an id", form.foundBy(), junk, formBody(form, "x", users.get(form.foundBy()).csrf));
        }
    }

    String formBody(Form form, String value, String csrf) {
        StringBuilder body = new StringBuilder();
        for (String field : form.fields()) {
            if (field.equals("_csrf")) {
                if (csrf == null) {
                    continue;
                }
                body.append("_csrf=").append(csrf).append('&');
            } else {
                body.append(URLEncoder.encode(field, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return body.toString();
    }

    void sendForm(String defect, String user, String action, String body) {
        send(defect, user, "POST", action, body, "application/x-www-form-urlencoded", Map.of("Accept", "text/html"), false);
    }

    /** Logging in with bodies that are no login; never a real user's wrong password (that would count a failed login). */
    void planLogins() {
        for (String body : List.of("{}", "{\"username\":null,\"password\":null}", "{\"username\":123,\"password\":[]}",
                "{\"username\":\"" + hostileText(50_000) + "\",\"password\":\"x\"}", "{\"username\":\"ingen.bruger\",\"password\":\"" + hostileText(200) + "\"}",
                "{\"username\":\"ingen.bruger'--\",\"password\":\"x\"}", "[", "\"x\"")) {
            send("login: not a login", "anonymous", "POST", "/api/login", body, "application/json", Map.of(), false);
        }
        for (String body : List.of("username=&password=", "username=" + URLEncoder.encode(hostileText(300), StandardCharsets.UTF_8) + "&password=x",
                "%%%", "username=ingen&password=x&next=https%3A%2F%2Fevil.example")) {
            sendForm("login form: not a login", "anonymous", "/login", body);
        }
    }

    // ---------------------------------------------------------------- sending

    void send(String defect, String user, String method, String path, String body, String contentType, Map<String, String> headers,
              boolean withToken) {
        work.add(() -> {
            Session s = users.get(user);
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
                request.header("Accept", headers.getOrDefault("Accept", "application/json, application/problem+json, */*;q=0.5"));
                if (withToken && !s.csrf.isEmpty() && !headers.containsKey("X-CSRF-Token")) {
                    request.header("X-CSRF-Token", s.csrf);
                }
                headers.forEach((k, v) -> {
                    if (!k.equals("Accept")) {
                        request.header(k, v);
                    }
                });
                if (body != null) {
                    request.header("Content-Type", contentType == null ? "application/json" : contentType);
                    request.method(method, HttpRequest.BodyPublishers.ofString(body.equals(ELEVEN_MEGABYTES)
                            ? "{\"x\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}" : body));
                } else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<String> r = s.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                count(r.statusCode(), defect, method + " " + path + " as " + user + " → " + r.body().substring(0, Math.min(200, r.body().length())));
            } catch (IllegalArgumentException e) {
                count(-1, defect + " (not sendable)", method + " " + path + ": " + e.getMessage());
            } catch (Exception e) {
                // A connection closed on an 11 MB body is the server refusing it; count it apart.
                count(0, defect, method + " " + path + ": " + e);
            }
        });
    }

    void count(int status, String defect, String what) {
        if (status == -1) {
            notSendable.add(what); // the HTTP client refused to build it (e.g. a space in the path): nothing was sent
            return;
        }
        sent.incrementAndGet();
        synchronized (byStatus) {
            byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        }
        byDefect.computeIfAbsent(defect, k -> new AtomicInteger()).incrementAndGet();
        if (status >= 500) {
            serverErrors.add(status + " [" + defect + "] " + what);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }
}
