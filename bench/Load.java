import io.micronaut.json.JsonMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load tool (bench/README.md, docs/performance.md): drives whole plan lifecycles through the HTTP API of a
 * running Beskplan — import a draft with 6 goals and 20 success criteria, submit it, plan a meeting, put the plan
 * on its agenda once the submission has reached the committee's module, record the approval — and afterwards
 * reads from the database when follow-up opened and when the archive recorded each message.
 * <p>
 * Run by bench/run-load.sh with the application's own jar on the class path (its HTTP, JSON and JDBC libraries):
 * {@code java -cp modules/app/target/beskplan.jar bench/Load.java URL JDBC_URL PLANS CONCURRENCY [warm-up]}; with
 * {@code warm-up} it runs the lifecycles and waits for their messages and PDFs but measures no GETs or PDF downloads
 * (run-load.sh warms the JIT with it before the measured run).
 * Prints one figure a line, "name: value", for the script to collect.
 */
public class Load {
    static final JsonMapper JSON = JsonMapper.createDefault();
    static final io.micronaut.core.type.Argument<List<Map<String, Object>>> LIST_OF_OBJECTS =
            io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
    static final String PASSWORD = "demo-adgangskode-2026";

    final String base;
    final String jdbcUrl;
    final int plans;
    final int concurrency;
    final Map<String, ConcurrentLinkedQueue<Long>> stepNanos = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> submittedToInbox = new ConcurrentLinkedQueue<>();
    final List<String> planIds = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failures = new AtomicInteger();
    /** Placements refused because the submission had not reached approval yet (should stay 0: see lifecycle). */
    final AtomicInteger refusedPlacements = new AtomicInteger();
    /** Each client thread's own database connection, for the waits that read the database instead of the API. */
    final ThreadLocal<Connection> clientDb = new ThreadLocal<>();
    boolean warmUp;

    Load(String base, String jdbcUrl, int plans, int concurrency) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.plans = plans;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) throws Exception {
        Load load = new Load(args[0], args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        load.warmUp = args.length > 4 && args[4].equals("warm-up");
        load.run();
    }

    /** A logged-in user: its own cookies and CSRF token. */
    final class Session {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String csrf = "";

        Session(String user) throws Exception {
            Map<String, Object> answer = json(send("POST", "/api/login", Map.of("username", user, "password", PASSWORD), null));
            csrf = (String) answer.get("csrfToken");
        }

        HttpResponse<String> send(String method, String path, Object body, String step) throws Exception {
            return send(method, path, body, step, "application/json");
        }

        HttpResponse<String> send(String method, String path, Object body, String step, String accept) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", accept).header("X-CSRF-Token", csrf);
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (step != null) {
                stepNanos.computeIfAbsent(step, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
            }
            return response;
        }

        /** The session's cookies as a Cookie header, for a client of another kind. */
        String cookieHeader() {
            return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
        }
    }

    void run() throws Exception {
        Session official = new Session("holbaek.embedsmand");
        Session secretary = new Session("holbaek.sekretaer");
        List<Map<String, Object>> committees = jsonList(secretary.send("GET", "/api/approval/committees", null, null));
        Map<String, Object> committee = committees.stream().filter(c -> "COMMITTEE".equals(c.get("kind"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Holbæk has no committee: start the app with MICRONAUT_ENVIRONMENTS=demo"));
        @SuppressWarnings("unchecked")
        List<String> present = ((List<Map<String, Object>>) committee.get("members")).stream()
                .map(m -> (String) m.get("name")).toList();

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CountDownLatch done = new CountDownLatch(plans);
        long deliveriesBefore = inboxRows();
        long cpuBefore = appCpuMillis();
        long compilerBefore = compilerCpuMillis();
        Map<String, ThreadCpu> threadsBefore = threadCpu();
        long start = System.nanoTime();
        for (int i = 0; i < plans; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    lifecycle(n, official, secretary, (String) committee.get("id"), present);
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println("lifecycle " + n + " failed: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long httpPhase = System.nanoTime() - start;
        long cpuHttp = appCpuMillis() - cpuBefore;
        Map<String, ThreadCpu> threadsHttp = threadCpu();
        pool.shutdown();

        // The last message of every lifecycle is follow-up opening; wait until the archive has it for every plan.
        Map<String, Object> chain = awaitArchived(start);
        long wholeRun = (long) chain.get("lastArchivedNanos");
        long cpuWhole = appCpuMillis() - cpuBefore;
        long deliveries = inboxRows() - deliveriesBefore;

        int stepsPerLifecycle = 5;
        print("plans", plans);
        print("concurrency", concurrency);
        print("failed lifecycles", failures.get());
        print("placements refused before the submission had arrived", refusedPlacements.get());
        print("http phase (s)", String.format("%.2f", httpPhase / 1e9));
        print("until all archived (s)", String.format("%.2f", wholeRun / 1e9));
        print("lifecycles/s", String.format("%.1f", plans / (wholeRun / 1e9)));
        print("workflow steps/s", String.format("%.1f", plans * stepsPerLifecycle / (httpPhase / 1e9)));
        if (cpuBefore >= 0) {
            // CPU of the whole application process (all threads: HTTP, consumers, outbox relay, GC, JIT) from
            // /proc/<pid>/stat, so the figures include the message work each step causes while the phase runs.
            print("app CPU in the http phase (ms)", cpuHttp);
            print("app CPU per workflow step, http phase (ms)", String.format("%.2f", cpuHttp / (double) (plans * stepsPerLifecycle)));
            // The same phase's CPU by what the threads do: a step's own work (its request, its messages) apart from the
            // background renders of frozen PDFs that the steps set going and from the JIT compiler's first minutes.
            Map<String, Long> byWork = cpuByWork(threadsBefore, threadsHttp, cpuHttp);
            for (String work : WORK_KINDS) {
                print("app CPU per workflow step, http phase, " + work + " (ms)",
                        String.format("%.2f", byWork.getOrDefault(work, 0L) / (double) (plans * stepsPerLifecycle)));
            }
            print("app CPU until all archived (ms)", cpuWhole);
            print("app CPU per workflow step, until all archived (ms)", String.format("%.2f", cpuWhole / (double) (plans * stepsPerLifecycle)));
            print("messages consumed (inbox rows)", deliveries);
            print("app CPU per message consumed, whole run ÷ deliveries (ms, an upper bound)",
                    String.format("%.2f", deliveries == 0 ? 0 : cpuWhole / (double) deliveries));
        }
        for (String step : List.of("import", "submit", "create meeting", "place on agenda", "decide")) { // = stepsPerLifecycle
            printPercentiles("step " + step + " (ms)", new ArrayList<>(stepNanos.getOrDefault(step, new ConcurrentLinkedQueue<>())));
        }
        printPercentiles("message submitted→in approval's in-box (ms)", new ArrayList<>(submittedToInbox));
        chain.forEach((name, value) -> {
            if (!name.equals("lastArchivedNanos")) {
                print(name, value);
            }
        });

        // The frozen revisions' PDFs are rendered by a background worker (docs/adr/0023); the GETs below measure a
        // settled application, so wait for that backlog first and say how long it took and what it cost.
        long settled = awaitFrozenPdfs(start);
        print("all frozen PDFs rendered, after the start (s)", String.format("%.2f", settled / 1e9));
        if (cpuBefore >= 0) {
            long cpuSettled = appCpuMillis() - cpuBefore;
            print("app CPU until the PDFs are rendered (ms)", cpuSettled);
            print("app CPU per workflow step, PDFs included (ms)", String.format("%.2f", cpuSettled / (double) (plans * stepsPerLifecycle)));
            long compiler = compilerCpuMillis() - compilerBefore;
            print("app CPU per workflow step, PDFs included, of it the JIT compiler's (ms)",
                    String.format("%.2f", compiler / (double) (plans * stepsPerLifecycle)));
            print("app CPU per workflow step, PDFs included, without the JIT compiler (ms)",
                    String.format("%.2f", (cpuSettled - compiler) / (double) (plans * stepsPerLifecycle)));
        }

        if (!warmUp) {
            getAtFixedRate(official, 200, 15);
            pdfRender(official);
            logins();
        } else {
            getAtFixedRate(official, 200, 10, new AtomicInteger()); // the server's GET path, compiled before it is measured
        }
    }

    /** Waits until no frozen revision waits for its PDF; nanoseconds from {@code start}. */
    long awaitFrozenPdfs(long start) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                 var rs = db.createStatement().executeQuery("select count(*) from drafting.frozen_document where pdf is null")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return System.nanoTime() - start;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("frozen PDFs still pending after 10 minutes");
    }

    /** The app's user + system CPU so far (ms), from /proc/APP_PID/stat; -1 when APP_PID is not given. */
    static long appCpuMillis() {
        String pid = System.getenv("APP_PID");
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        try {
            return cpuTicks(java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"))) * 1000 / clockTicks();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** The kinds of work {@link #cpuByWork} tells apart, in the order printed. */
    static final List<String> WORK_KINDS = List.of("requests", "messages", "frozen PDF renders", "JIT compiler",
            "GC and JVM", "other", "threads that ended");

    /** The kind of work a thread of the app does, by its name as the kernel keeps it (15 characters). */
    static String workOf(String thread) {
        if (thread.startsWith("io-executor") || thread.startsWith("default-eventLo")) {
            return "requests";
        } else if (thread.startsWith("beskplan-") || thread.startsWith("AMQP ")) {
            return "messages"; // deliveries, the modules' batches, outbox relays, the broker connection
        } else if (thread.startsWith("frozen-pdfs") || thread.startsWith("pdf-render")) {
            return "frozen PDF renders"; // in the phases measured here no one downloads a PDF
        } else if (thread.matches("C\\d CompilerThre.*")) {
            return "JIT compiler";
        } else if (thread.startsWith("VM ") || thread.startsWith("GC ") || thread.startsWith("Sweeper")
                || thread.startsWith("Notification") || thread.startsWith("Service Thread") || thread.startsWith("Signal")) {
            return "GC and JVM"; // with the code cache's sweeper
        }
        return "other";
    }

    /** A thread's kind of work and the CPU it has spent so far (ms). */
    record ThreadCpu(String work, long millis) {
    }

    /** The app's threads now, by thread id, from /proc/APP_PID/task/*; empty when APP_PID is not given. */
    static Map<String, ThreadCpu> threadCpu() {
        Map<String, ThreadCpu> threads = new java.util.HashMap<>();
        String pid = System.getenv("APP_PID");
        if (pid == null || pid.isBlank()) {
            return threads;
        }
        java.io.File[] tasks = new java.io.File("/proc/" + pid + "/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                threads.put(task.getName(), new ThreadCpu(workOf(name), cpuTicks(stat) * 1000 / clockTicks()));
            } catch (java.io.IOException | RuntimeException gone) {
                // the thread ended while we looked
            }
        }
        return threads;
    }

    /**
     * What each kind of work spent between two looks at the app's threads (ms), thread by thread (a pool's thread that
     * ended meanwhile takes its earlier CPU with it, so sums by kind would not do). The CPU of threads that ended within
     * the phase is only known as the rest of the process's total, {@code processMillis}: "threads that ended".
     */
    static Map<String, Long> cpuByWork(Map<String, ThreadCpu> before, Map<String, ThreadCpu> after, long processMillis) {
        Map<String, Long> byWork = new java.util.HashMap<>();
        long counted = 0;
        for (var thread : after.entrySet()) {
            ThreadCpu earlier = before.get(thread.getKey());
            long ms = thread.getValue().millis() - (earlier == null ? 0 : earlier.millis());
            byWork.merge(thread.getValue().work(), ms, Long::sum);
            counted += ms;
        }
        byWork.put("threads that ended", Math.max(0, processMillis - counted));
        return byWork;
    }

    /**
     * The CPU the JIT compiler's threads have spent so far (ms): the compiling a process does in its first minutes, not
     * work a step asks for. A compiler thread the JVM ended meanwhile is not counted, so the CPU "without the compiler"
     * is, if anything, too high. -1 when APP_PID is not given.
     */
    static long compilerCpuMillis() {
        String pid = System.getenv("APP_PID");
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        return threadCpu().values().stream().filter(t -> t.work().equals("JIT compiler")).mapToLong(ThreadCpu::millis).sum();
    }

    /** User + system CPU ticks from a /proc stat line: after the command name (which may hold spaces), fields 14 and 15. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long clockTicks() {
        return Long.parseLong(System.getenv().getOrDefault("CLK_TCK", "100"));
    }

    /** Messages applied so far: one inbox row per delivery a module consumed. */
    long inboxRows() throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var rs = db.createStatement().executeQuery("select (select count(*) from drafting.inbox) + (select count(*) from approval.inbox)"
                     + " + (select count(*) from followup.inbox) + (select count(*) from archive.inbox)"
                     + " + (select count(*) from administration.inbox)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void lifecycle(int n, Session official, Session secretary, String committeeId, List<String> present) throws Exception {
        Map<String, Object> created = json(expect(official.send("POST", "/api/plans/import", document(n), "import"), 201));
        String planId = (String) created.get("id");
        planIds.add(planId);
        Map<String, Object> meeting = json(expect(secretary.send("POST", "/api/approval/meetings", Map.of("committeeId", committeeId,
                "date", LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString(), "place", "Rådhuset"), "create meeting"), 201));
        String meetingId = (String) meeting.get("id");
        expect(official.send("POST", "/api/plans/" + planId + "/submit", Map.of(), "submit"), 200);
        long submitted = System.nanoTime();
        // The submission reaches approval as a message: until then the plan is not known there (400 on planId). A
        // secretary puts it on the agenda once it is listed, so the client waits for it in approval's table rather
        // than asking the API every few milliseconds: those refused requests were the app's CPU but no one's step.
        awaitSubmissionInApproval(planId);
        submittedToInbox.add(System.nanoTime() - submitted);
        HttpResponse<String> placed;
        long attempt;
        while (true) {
            attempt = System.nanoTime();
            placed = secretary.send("POST", "/api/approval/meetings/" + meetingId + "/agenda", Map.of("kind", "PLAN", "planId", planId), null);
            if (placed.statusCode() != 400 || !placed.body().contains("planId")) {
                break;
            }
            refusedPlacements.incrementAndGet();
            Thread.sleep(5);
        }
        long placedAt = System.nanoTime();
        stepNanos.computeIfAbsent("place on agenda", k -> new ConcurrentLinkedQueue<>()).add(placedAt - attempt);
        expect(placed, 201);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agenda = (List<Map<String, Object>>) json(placed).get("agenda");
        String itemId = (String) agenda.get(agenda.size() - 1).get("id");
        expect(secretary.send("POST", "/api/approval/meetings/" + meetingId + "/agenda/" + itemId + "/decision",
                Map.of("followedRecommendation", true, "present", present), "decide"), 201);
    }

    /** Waits until approval has the plan's submission (its consumer has applied drafting.plan-submitted). */
    void awaitSubmissionInApproval(String planId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        if (clientDb.get() == null) {
            clientDb.set(DriverManager.getConnection(jdbcUrl, "postgres", ""));
        }
        try (var ps = clientDb.get().prepareStatement("select 1 from approval.submission where plan_id = cast(? as uuid)")) {
            ps.setString(1, planId);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("plan " + planId + ": the submission did not reach approval within a minute");
    }

    /**
     * Waits until the archive holds follow-up's opening for every plan, then measures per plan from the decision's
     * outbox row: follow-up opened (follow-up's outbox row), the decision archived, the whole chain archived.
     */
    Map<String, Object> awaitArchived(long startNanos) throws Exception {
        String ids = "'" + String.join("','", planIds) + "'";
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (true) {
                try (ResultSet rs = db.createStatement().executeQuery("select count(distinct plan_id) from archive.record"
                        + " where type = 'followup.follow-up-opened' and plan_id in (" + ids + ")")) {
                    rs.next();
                    if (rs.getInt(1) >= planIds.size()) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not every plan reached the archive within 10 minutes");
                }
                Thread.sleep(100);
            }
            long last = System.nanoTime() - startNanos;
            List<Long> toFollowUp = millis(db, "select extract(epoch from (f.created_at - d.created_at)) * 1000"
                    + " from approval.outbox d join followup.outbox f on f.ordering_key = d.ordering_key"
                    + " where d.type = 'approval.plan-decision-recorded' and f.type = 'followup.follow-up-opened'"
                    + " and d.ordering_key in (" + ids + ")");
            List<Long> decisionArchived = millis(db, "select extract(epoch from (r.received_at - d.created_at)) * 1000"
                    + " from approval.outbox d join archive.record r on r.message_id = d.message_id"
                    + " where d.type = 'approval.plan-decision-recorded' and d.ordering_key in (" + ids + ")");
            List<Long> chainArchived = millis(db, "select extract(epoch from (r.received_at - d.created_at)) * 1000"
                    + " from approval.outbox d join archive.record r on r.plan_id::text = d.ordering_key"
                    + " where d.type = 'approval.plan-decision-recorded' and r.type = 'followup.follow-up-opened'"
                    + " and d.ordering_key in (" + ids + ")");
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("lastArchivedNanos", last);
            figures.put("message decision→follow-up opened (ms)", percentiles(toFollowUp));
            figures.put("message decision→decision archived (ms)", percentiles(decisionArchived));
            figures.put("message decision→follow-up opening archived (ms)", percentiles(chainArchived));
            return figures;
        }
    }

    /**
     * GET of one plan at a fixed rate; latency from the scheduled moment, so a stall counts for the requests it delays.
     * Also the app's own timer for the same requests (its http.server.requests histogram, when run-load.sh switched it
     * on): from the request reaching the app's filters to the response, without this client and the network.
     */
    void getAtFixedRate(Session official, int perSecond, int seconds) throws Exception {
        // First 5 s unmeasured: this client is a JVM of its own, started cold, and the app has not served this GET
        // in the lifecycles; what is measured is a warm client asking a warm server.
        List<Long> latencies = getAtFixedRate(official, perSecond, 5, new AtomicInteger());
        Session admin = new Session("admin");
        Map<Double, Double> before = serverBuckets(admin);
        AtomicInteger errors = new AtomicInteger();
        latencies = getAtFixedRate(official, perSecond, seconds, errors);
        Map<Double, Double> after = serverBuckets(admin);
        print("GET /api/plans/{id} at " + perSecond + "/s for " + seconds + " s, errors", errors.get());
        printPercentiles("GET /api/plans/{id} at " + perSecond + "/s (ms)", latencies);
        print("GET /api/plans/{id} at " + perSecond + "/s, the app's own timer (ms, at most)", serverPercentiles(before, after));
    }

    /**
     * The fixed-rate GETs go through plain blocking HttpURLConnections (kept alive by the JDK): each request is sent
     * and read on its own thread. java.net.http's client hands every response between its selector and executor
     * threads; on the two cores it shares with the app and PostgreSQL its p99 was 11-14 ms where blocking connections
     * saw 9-10 ms, a Python client 6-7 ms and the app's own timer at most 1.4-4.2 ms (docs/performance.md, 2026-12-03).
     */
    List<Long> getAtFixedRate(Session official, int perSecond, int seconds, AtomicInteger errors) throws Exception {
        java.net.URL url = URI.create(base + "/api/plans/" + planIds.get(0)).toURL();
        String cookie = official.cookieHeader();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
        ExecutorService senders = Executors.newFixedThreadPool(32);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        int total = perSecond * seconds;
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            timer.schedule(() -> senders.submit(() -> {
                try {
                    java.net.HttpURLConnection get = (java.net.HttpURLConnection) url.openConnection();
                    get.setRequestProperty("Cookie", cookie);
                    get.setRequestProperty("Accept", "application/json");
                    get.setConnectTimeout(5000);
                    get.setReadTimeout(30000);
                    int status = get.getResponseCode();
                    try (var body = status < 400 ? get.getInputStream() : get.getErrorStream()) {
                        if (body != null) {
                            body.readAllBytes(); // read to the end, so the connection is kept for the next request
                        }
                    }
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    latencies.add(System.nanoTime() - due);
                    done.countDown();
                }
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await();
        timer.shutdown();
        senders.shutdown();
        return new ArrayList<>(latencies);
    }

    /** The app's histogram of GET /api/plans/{id} answered 200: cumulative count by upper bound (s); empty if off. */
    Map<Double, Double> serverBuckets(Session admin) throws Exception {
        Map<Double, Double> buckets = new java.util.TreeMap<>();
        String metrics = admin.send("GET", "/prometheus", null, null, "text/plain").body();
        java.util.regex.Pattern le = java.util.regex.Pattern.compile("le=\"([^\"]+)\"");
        for (String line : metrics.split("\n")) {
            if (line.startsWith("http_server_requests_seconds_bucket{") && line.contains("uri=\"/api/plans/{id}\"")
                    && line.contains("method=\"GET\"") && line.contains("status=\"200\"")) {
                var m = le.matcher(line);
                if (m.find()) {
                    double bound = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                    buckets.put(bound, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
        }
        return buckets;
    }

    /** p50, p95, p99 as the upper bounds of the buckets they fall in, between two readings of the histogram. */
    static String serverPercentiles(Map<Double, Double> before, Map<Double, Double> after) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (after.isEmpty() || total <= 0) {
            return "not available (the app's http.server.requests histogram is off)";
        }
        StringBuilder out = new StringBuilder();
        for (double q : new double[]{0.50, 0.95, 0.99}) {
            for (var bucket : after.entrySet()) {
                if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= q * total) {
                    out.append(String.format("p%s %.1f  ", q == 0.5 ? "50" : Integer.toString((int) Math.round(q * 100)),
                            bucket.getKey() * 1000));
                    break;
                }
            }
        }
        return out.append(String.format("(n=%d)", (long) total)).toString();
    }

    /** Render time of the PDF of Holbæk's real 2025 plan (demo data): 12 pages. */
    void pdfRender(Session official) throws Exception {
        List<Map<String, Object>> all = jsonList(official.send("GET", "/api/plans", null, null));
        String id = (String) all.stream().filter(p -> "Beskæftigelsesplan 2025".equals(p.get("title"))).findFirst()
                .orElseThrow().get("id");
        official.send("GET", "/api/plans/" + id + "/document.pdf", null, null, "application/pdf"); // the first render loads fonts
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = official.send("GET", "/api/plans/" + id + "/document.pdf", null, null, "application/pdf");
            expect(r, 200);
            times.add(System.nanoTime() - t);
        }
        printPercentiles("PDF of Holbæk 2025, 10 renders (ms)", times);
    }

    /**
     * Five logins one after another: a password check is 600,000 rounds of PBKDF2 (docs/security.md), so what the JIT
     * makes of that loop decides how long a person waits at the login form (docs/adr/0029).
     */
    void logins() throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            new Session("holbaek.embedsmand");
            times.add(System.nanoTime() - t);
        }
        printPercentiles("POST /api/login, 5 logins (ms)", times);
    }

    /** A plan with 6 goals and 20 success criteria of several target kinds. */
    static Map<String, Object> document(int n) {
        int[] criteriaPerGoal = {4, 4, 3, 3, 3, 3};
        List<Map<String, Object>> goals = new ArrayList<>();
        int c = 0;
        for (int g = 0; g < 6; g++) {
            List<Map<String, Object>> criteria = new ArrayList<>();
            for (int k = 0; k < criteriaPerGoal[g]; k++, c++) {
                Map<String, Object> target = switch (c % 4) {
                    case 0 -> Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 60 + c);
                    case 1 -> Map.of("kind", "COUNT", "comparator", "AT_MOST", "count", 500 + 10 * c);
                    case 2 -> Map.of("kind", "NATIONAL_AVERAGE", "relation", "ABOVE", "percentagePoints", 2, "betterWhen", "HIGHER");
                    default -> Map.of("kind", "NARRATIVE");
                };
                criteria.add(Map.of("text", "Succeskriterium " + (c + 1) + " for plan " + n, "baselines", List.of(),
                        "dataSource", "Jobindsats.dk", "deadline", "2027-12-31", "target", target));
            }
            goals.add(Map.of("kind", "LOCAL", "label", "Lokalt mål " + (g + 1), "title", "Mål " + (g + 1) + " i belastningsplan " + n,
                    "objectives", List.of("Flere borgere skal i job", "Virksomhederne skal have den arbejdskraft, de mangler"),
                    "successCriteria", criteria));
        }
        return Map.of("schemaVersion", 1, "municipality", "316", "fromYear", 2027, "toYear", 2027,
                "title", "Belastningsplan " + n, "committeeName", "Udvalget for Beskæftigelse, Uddannelse og Erhverv",
                "goals", goals);
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + ": expected "
                    + status + ", got " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> jsonList(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), LIST_OF_OBJECTS);
    }

    static List<Long> millis(Connection db, String sql) throws Exception {
        List<Long> values = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(Math.round(rs.getDouble(1) * 1_000_000)); // ms → ns, like the HTTP timings
            }
        }
        return values;
    }

    static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no samples";
        }
        Collections.sort(nanos);
        return String.format("p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  (n=%d)", at(nanos, 0.50), at(nanos, 0.95),
                at(nanos, 0.99), nanos.get(nanos.size() - 1) / 1e6, nanos.size());
    }

    static double at(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    static void printPercentiles(String name, List<Long> nanos) {
        print(name, percentiles(nanos));
    }

    static void print(String name, Object value) {
        System.out.println(name + ": " + value);
    }
}
