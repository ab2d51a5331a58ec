import io.micronaut.json.JsonMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worst request of each kind, measured (docs/security.md, "Limits"; bench/run-worst.sh): a plan document at the
 * limits (40 goals, 200 success criteria, about 590,000 characters) imported, rendered as PDF, compared with a revision
 * in which every word of every text changed, approved, and its status report (200 criteria) rendered; the public
 * page's PDF of the approved plan asked for twice. For each: HTTP status, time and the peak resident memory of the
 * application process while it ran. With {@code GOALS CRITERIA_PER_GOAL} the plan can be made larger than the limits
 * (to measure a version without them).
 * <p>
 * (Kept whole on purpose: the launcher runs a bench as one source file, so its HTTP client repeats Attack.java's.)
 */
public class Worst {
    static final JsonMapper JSON = JsonMapper.createDefault();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static String base;
    static long pid;
    static final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        String jdbc = args[1];
        pid = Long.parseLong(args[2]);
        int goals = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        int perGoal = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int textLength = args.length > 5 ? Integer.parseInt(args[5]) : 2_900;

        Client official = new Client("holbaek.embedsmand");
        Client secretary = new Client("holbaek.sekretaer");

        String before = plan(goals, perGoal, textLength, 1);
        String after = plan(goals, perGoal, textLength, 2);
        System.out.printf("plan document: %d goals, %d criteria, %,d bytes of JSON%n", goals, goals * perGoal, before.length());

        HttpResponse<String> imported = measure("import the largest plan (POST /api/plans/import)",
                () -> official.send("POST", "/api/plans/import", before, null));
        Matcher m = ID.matcher(imported.body());
        if (!m.find()) {
            System.out.println("the plan was refused: " + imported.body().substring(0, Math.min(400, imported.body().length())));
            print();
            return;
        }
        String id = m.group(1);
        measure("plan PDF of the draft (GET /api/plans/{id}/document.pdf)", () -> official.sendBytes("/api/plans/" + id + "/document.pdf"));
        HttpResponse<String> saved = measure("save a revision with every word changed (PUT /api/plans/{id}/document)",
                () -> official.send("PUT", "/api/plans/" + id + "/document", after, "\"0\""));
        measure("compare the two revisions (GET /api/plans/{id}/comparison?from=1&to=2)",
                () -> official.send("GET", "/api/plans/" + id + "/comparison?from=1&to=2", null, null));
        String version = header(saved, "ETag");
        measure("submit (POST /api/plans/{id}/submit)", () -> official.send("POST", "/api/plans/" + id + "/submit", "{}", version));

        // Approval as the demo's secretary, the way the tests approve (modules/app/src/test/.../Committee.java): a meeting
        // today of the committee that decides plans, the plan on its agenda, the committee follows the recommendation
        // with its members present. The demo sets up Holbæk's committee and route; if it has not (yet), the run does.
        Map<String, Object> committee = committee(secretary);
        String committeeId = (String) committee.get("id");
        secretary.send("PUT", "/api/approval/route", "{\"stages\":[{\"kind\":\"DECISION\",\"committeeId\":\"" + committeeId
                + "\"}]}", "\"-1\""); // refused (409) where the route is already set: that is fine
        String today = LocalDate.now(ZoneId.of("Europe/Copenhagen")).toString();
        HttpResponse<String> created = secretary.send("POST", "/api/approval/meetings", "{\"committeeId\":\"" + committeeId
                + "\",\"date\":\"" + today + "\",\"place\":\"Rådhuset\",\"submissionDeadline\":\"" + today + "\"}", null);
        String meeting = (String) map(created.body()).get("id");
        String agenda = null;
        for (int i = 0; i < 600 && agenda == null; i++) {
            HttpResponse<String> placed = secretary.send("POST", "/api/approval/meetings/" + meeting + "/agenda",
                    "{\"kind\":\"PLAN\",\"planId\":\"" + id + "\"}", null);
            if (placed.statusCode() == 201) {
                // The agenda item that carries the plan (not the meeting's own id, which comes first in the answer).
                for (Object item : (List<?>) map(placed.body()).get("agenda")) {
                    if (id.equals(((Map<?, ?>) item).get("planId"))) {
                        agenda = (String) ((Map<?, ?>) item).get("id");
                    }
                }
            } else {
                Thread.sleep(200);
            }
        }
        List<String> names = new ArrayList<>();
        for (Object member : (List<?>) committee.get("members")) {
            names.add((String) ((Map<?, ?>) member).get("name"));
        }
        String decide = "/api/approval/meetings/" + meeting + "/agenda/" + agenda + "/decision";
        String decision = JSON.writeValueAsString(Map.of("followedRecommendation", true, "present", names));
        HttpResponse<String> decided = measure("record the approval (POST …/decision)", () -> secretary.send("POST", decide, decision, null));
        if (decided.statusCode() != 201) {
            System.out.println("the approval was refused: " + decided.body().substring(0, Math.min(400, decided.body().length())));
            print();
            return;
        }

        String round = null;
        for (int i = 0; i < 600 && round == null; i++) {
            HttpResponse<String> rounds = official.send("GET", "/api/followup/plans/" + id + "/rounds", null, null);
            round = rounds.statusCode() == 200 ? firstId(rounds.body()) : null;
            if (round == null) {
                Thread.sleep(200);
            }
        }
        String report = "/api/followup/plans/" + id + "/rounds/" + round + "/report";
        measure("status report preview as PDF (GET …/report.pdf)", () -> official.sendBytes(report + ".pdf"));
        measure("send the status report (POST …/report)", () -> official.send("POST", report, "{}", null));
        measure("sent status report as PDF, first time (GET …/report.pdf)", () -> official.sendBytes(report + ".pdf"));
        measure("sent status report as PDF, again (GET …/report.pdf)", () -> official.sendBytes(report + ".pdf"));

        Client anonymous = new Client(null);
        for (int i = 0; i < 600; i++) {
            if (anonymous.send("GET", "/offentlig/316/" + id, null, null).statusCode() == 200) {
                break;
            }
            Thread.sleep(200);
        }
        measure("public page's PDF, first request (GET /offentlig/316/{id}/pdf)", () -> anonymous.sendBytes("/offentlig/316/" + id + "/pdf"));
        measure("public page's PDF, again (GET /offentlig/316/{id}/pdf)", () -> anonymous.sendBytes("/offentlig/316/" + id + "/pdf"));
        print();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            ResultSet rs = c.createStatement().executeQuery("select count(*) from drafting.plan");
            rs.next();
        }
    }

    /** A plan document: goals × perGoal criteria with long texts; variant 2 has every word of every text changed. */
    static String plan(int goals, int perGoal, int textLength, int variant) {
        Random random = new Random(variant);
        StringBuilder out = new StringBuilder("{\"schemaVersion\":1,\"municipality\":\"316\",\"fromYear\":2031,\"toYear\":2031,"
                + "\"title\":\"Beskæftigelsesplan 2031 (grænser)\",\"committeeName\":\"Udvalget for Beskæftigelse, Uddannelse og Erhverv\",\"goals\":[");
        for (int g = 0; g < goals; g++) {
            out.append(g == 0 ? "" : ",").append("{\"kind\":\"LOCAL\",\"label\":\"Lokalt mål ").append(g + 1)
                    .append("\",\"title\":\"Mål ").append(g + 1).append("\",\"successCriteria\":[");
            for (int c = 0; c < perGoal; c++) {
                out.append(c == 0 ? "" : ",").append("{\"code\":\"").append(g + 1).append((char) ('a' + c % 26))
                        .append("\",\"text\":\"").append(text(random, textLength, variant))
                        .append("\",\"baselines\":[],\"target\":{\"kind\":\"SHARE\",\"comparator\":\"AT_LEAST\",\"percent\":75}}");
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    static String text(Random random, int length, int variant) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length - 12) {
            text.append(variant == 1 ? "ledige" : "borgere").append(random.nextInt(100_000)).append(' ');
        }
        return text.toString().strip();
    }

    interface Call<T> {
        HttpResponse<T> run() throws Exception;
    }

    /** Runs the request while sampling the application's resident memory every 10 ms; records time and peak. */
    static <T> HttpResponse<T> measure(String what, Call<T> call) throws Exception {
        AtomicLong peak = new AtomicLong(rssKb());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rssKb(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<T> response = call.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        Object body = response.body();
        long size = body instanceof byte[] b ? b.length : body.toString().length();
        rows.add(String.format("%-72s %4d %8d ms %7d MB %10d B", what, response.statusCode(), millis, peak.get() / 1024, size));
        System.err.println("[worst] " + rows.get(rows.size() - 1));
        return response;
    }

    static void print() {
        System.out.printf("%-72s %4s %11s %10s %12s%n", "request", "HTTP", "time", "peak RSS", "answer");
        rows.forEach(System.out::println);
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    /** The municipality's committee that decides plans (the demo's), or one set up for the run. */
    static Map<String, Object> committee(Client secretary) throws Exception {
        for (Object c : (List<?>) JSON.readValue(secretary.send("GET", "/api/approval/committees", null, null).body(), Object.class)) {
            if ("COMMITTEE".equals(((Map<?, ?>) c).get("kind"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> committee = (Map<String, Object>) c;
                return committee;
            }
        }
        return map(secretary.send("POST", "/api/approval/committees", "{\"name\":\"Udvalget for Beskæftigelse\",\"decidesPlans\":true,"
                + "\"members\":[{\"name\":\"Anne Holm\",\"party\":\"A\",\"role\":\"CHAIR\"}]}", null).body());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String json) throws Exception {
        return JSON.readValue(json, Map.class);
    }

    static String firstId(String json) {
        Matcher m = ID.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("\"1\"");
    }

    /** A logged-in user (or anonymous): session cookie and CSRF token. */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        String csrf = "";

        Client(String user) throws Exception {
            if (user != null) {
                HttpResponse<String> r = send("POST", "/api/login", "{\"username\":\"" + user + "\",\"password\":\"demo-adgangskode-2026\"}", null);
                Matcher m = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
                if (!m.find()) {
                    throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
                }
                csrf = m.group(1);
            }
        }

        HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(15))
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

        HttpResponse<byte[]> sendBytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(15)).header("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
