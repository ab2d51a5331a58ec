import dk.beskplan.archive.domain.RecordLine;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Fills the archive schema of a database of its own with the archive of every Danish municipality over twenty
 * years: 98 municipalities x 20 years = 1,960 plans, about a million records (default), chained exactly as
 * the application chains them (it uses the application's RecordLine), with the frozen documents.
 * See bench/archive/README.md. Not part of the test run.
 *
 * java -cp modules/app/target/beskplan.jar bench/archive/GenerateArchive.java \
 *      --url jdbc:postgresql://localhost:5432/beskplan_archive_bench [--records 1000000] [--municipalities 98] [--years 20]
 */
public class GenerateArchive {
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);
    static final String[] WORDS = {"fleksjob", "ledighed", "sygedagpenge", "unge", "uddannelse", "virksomheder", "jobcentret",
            "borgere", "integration", "ressourceforløb", "jobafklaring", "kontanthjælp", "opkvalificering", "handicap",
            "arbejdskraft", "mentor", "praktik", "løntilskud", "sprog", "målgruppe", "landsgennemsnittet", "procentpoint"};

    long seq = 0;
    String archiveHead = RecordLine.GENESIS;
    final Random random = new Random(42);
    final StringBuilder records = new StringBuilder();
    final StringBuilder documents = new StringBuilder();
    final StringBuilder links = new StringBuilder();
    long documentId = 0;
    int recordsInBatch = 0;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("--url", "jdbc:postgresql://localhost:5432/beskplan_archive_bench",
                "--user", "postgres", "--password", "", "--records", "1000000", "--municipalities", "98", "--years", "20"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        new GenerateArchive().run(opts);
    }

    void run(Map<String, String> opts) throws Exception {
        String url = opts.get("--url");
        Flyway.configure().dataSource(url, opts.get("--user"), opts.get("--password")).schemas("archive").createSchemas(true)
                .table("flyway_schema_history").locations("classpath:db/migration/archive").load().migrate();
        int municipalities = Integer.parseInt(opts.get("--municipalities"));
        int years = Integer.parseInt(opts.get("--years"));
        long target = Long.parseLong(opts.get("--records"));
        int plans = municipalities * years;
        int perPlan = (int) Math.max(12, target / plans);
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, opts.get("--user"), opts.get("--password"))) {
            try (Statement st = c.createStatement()) {
                if (st.executeQuery("select 1 from archive.record limit 1").next()) {
                    throw new IllegalStateException("archive.record is not empty: generate into a fresh database");
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int firstYear = 2027 - years;
            for (int y = 0; y < years; y++) {
                for (int m = 0; m < municipalities; m++) {
                    plan(String.valueOf(101 + m * 8), firstYear + y, perPlan);
                    if (recordsInBatch >= 20_000) {
                        flush(copy);
                    }
                }
                System.out.printf("year %d: %,d records so far (%.0f s)%n", firstYear + y, seq, (System.nanoTime() - started) / 1e9);
            }
            flush(copy);
            try (Statement st = c.createStatement()) {
                st.execute("select setval('archive.record_seq', " + seq + ")");
                st.execute("analyze archive.record");
                st.execute("analyze archive.document");
            }
        }
        System.out.printf("%,d plans, %,d records, %,d documents in %.0f s%n", plans, seq, documentId, (System.nanoTime() - started) / 1e9);
    }

    /** One plan's life: drafted, submitted three times (returned twice), approved, then years of follow-up. */
    void plan(String municipality, int year, int records) {
        UUID plan = UUID.randomUUID();
        String title = "Beskæftigelsesplan " + year;
        String planHead = RecordLine.GENESIS;
        Instant t = LocalDate.of(year - 1, 9, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        planHead = append(plan, municipality, "drafting.plan-draft-created", t, "embedsmand." + municipality,
                obj("planId", plan, "title", title, "fromYear", year, "toYear", year, "committeeName", "Udvalget for Beskæftigelse"),
                List.of(), planHead);
        int written = 1;
        for (int revision = 1; revision <= 3; revision++) {
            t = t.plusSeconds(86_400 * 14);
            Map<String, Object> doc = document(municipality, year, title, revision);
            planHead = append(plan, municipality, "drafting.plan-submitted", t, "embedsmand." + municipality,
                    obj("planId", plan, "title", title, "fromYear", year, "toYear", year, "committeeName", "Udvalget for Beskæftigelse",
                            "revisionNumber", revision, "contentHash", "-", "submittedBy", "embedsmand." + municipality, "document", doc),
                    List.<Object[]>of(new Object[]{"SUBMITTED_REVISION", title + ", revision " + revision + " (indsendt)", "application/json", doc}),
                    planHead);
            t = t.plusSeconds(86_400 * 7);
            boolean last = revision == 3;
            planHead = append(plan, municipality, "approval.plan-decision-recorded", t, "sekretaer." + municipality,
                    obj("planId", plan, "decisionId", UUID.randomUUID(), "decision", last ? "APPROVED" : "RETURNED",
                            "meetingDate", LocalDate.ofInstant(t, ZoneOffset.UTC).toString(), "revisionNumber", revision,
                            "contentHash", "-", "title", title, "fromYear", year, "toYear", year,
                            "remarks", last ? "Indstillingen blev godkendt." : "Mål 2 skal skærpes.", "decidingBody", "Udvalget for Beskæftigelse",
                            "finalDecision", true), List.of(), planHead);
            String protocol = "<html lang=\"da\"><body><h1>Beslutningsprotokol</h1><p>Udvalget for Beskæftigelse behandlede "
                    + title + " (revision " + revision + "): " + (last ? "godkendt" : "sendt tilbage") + ". " + sentence(30) + "</p></body></html>";
            append(null, municipality, "approval.meeting-protocol-published", t.plusSeconds(3600), "sekretaer." + municipality,
                    obj("meetingId", UUID.randomUUID(), "decidingBody", "Udvalget for Beskæftigelse", "meetingDate",
                            LocalDate.ofInstant(t, ZoneOffset.UTC).toString(), "planIds", List.of(plan.toString()),
                            "protocolHtml", protocol, "contentHash", RecordLine.sha256(protocol)),
                    List.<Object[]>of(new Object[]{"MEETING_PROTOCOL", "Beslutningsprotokol, Udvalget for Beskæftigelse", "text/html", protocol}),
                    RecordLine.GENESIS);
            links.append(seq).append('\t').append(plan).append('\n');
            written += 2;
            if (last) {
                planHead = append(plan, municipality, "drafting.plan-approved", t.plusSeconds(60), "system:drafting",
                        obj("planId", plan, "title", title, "fromYear", year, "toYear", year, "committeeName", "Udvalget for Beskæftigelse",
                                "approvedRevision", 3, "submittedRevision", 3, "amended", false, "contentHash", "-", "document", doc,
                                "decisionId", UUID.randomUUID(), "decidingBody", "Udvalget for Beskæftigelse",
                                "approvedOn", LocalDate.ofInstant(t, ZoneOffset.UTC).toString()),
                        List.<Object[]>of(new Object[]{"APPROVED_VERSION", title + ", godkendt version (revision 3)", "application/json", doc}),
                        planHead);
                written++;
            }
        }
        // Follow-up: status on every criterion, many times, reported by managers; two status reports to the committee.
        long span = 86_400L * 365 * 2;
        int followUps = Math.max(0, records - written - 4);
        for (int i = 0; i < followUps; i++) {
            Instant at = t.plusSeconds(86_400 + span * i / Math.max(1, followUps));
            planHead = append(plan, municipality, "followup.criterion-status-reported", at, "leder." + municipality,
                    obj("planId", plan, "criterion", (1 + i % 7) + "" + (char) ('a' + i % 3), "value", random.nextInt(1000) / 10.0,
                            "comparisonValue", random.nextInt(1000) / 10.0, "source", "Jobindsats.dk", "comment", sentence(8)),
                    List.of(), planHead);
        }
        for (int r = 1; r <= 2; r++) {
            Instant at = t.plusSeconds(span * r / 2);
            String html = "<html lang=\"da\"><body><h1>" + title + ": Årlig status " + r + "</h1><p>" + sentence(120) + "</p></body></html>";
            planHead = append(plan, municipality, "followup.status-report-submitted", at, "leder." + municipality,
                    obj("reportId", UUID.randomUUID(), "planId", plan, "planTitle", title, "roundLabel", "Årlig status " + r,
                            "dueDate", LocalDate.ofInstant(at, ZoneOffset.UTC).toString(), "summary", sentence(20), "reportHtml", html,
                            "submittedBy", "leder." + municipality),
                    List.<Object[]>of(new Object[]{"STATUS_REPORT", title + ": Årlig status " + r, "text/html", html}), planHead);
            planHead = append(plan, municipality, "approval.status-report-noted", at.plusSeconds(86_400 * 10), "sekretaer." + municipality,
                    obj("reportId", UUID.randomUUID(), "planId", plan, "meetingId", UUID.randomUUID(), "decidingBody",
                            "Udvalget for Beskæftigelse", "meetingDate", LocalDate.ofInstant(at, ZoneOffset.UTC).toString(), "remarks", "Taget til efterretning."),
                    List.of(), planHead);
        }
    }

    /** Appends one record (and its documents) to the COPY buffers; returns its hash. */
    String append(UUID plan, String municipality, String type, Instant at, String actor, Map<String, Object> payload,
                  List<Object[]> docs, String prevPlan) {
        long s = ++seq;
        List<RecordLine.DocumentHash> hashes = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        for (Object[] d : docs) {
            String content = d[3] instanceof String html ? html : Jsonb.write(d[3]);
            contents.add(content);
            hashes.add(new RecordLine.DocumentHash((String) d[0], RecordLine.sha256(content)));
        }
        Instant received = at.plusMillis(200);
        String payloadText = Jsonb.write(payload);
        RecordLine line = new RecordLine(s, UUID.randomUUID(), type, 1, at, received, municipality, plan, null, actor, payloadText,
                hashes, plan == null ? RecordLine.GENESIS : prevPlan, archiveHead);
        String hash = line.hash();
        records.append(s).append('\t').append(line.messageId()).append('\t').append(plan == null ? "\\N" : plan).append('\t')
                .append(municipality).append('\t').append(type).append("\t1\t").append(TS.format(line.occurredAt())).append('\t')
                .append(TS.format(line.receivedAt())).append('\t').append(actor).append("\t\\N\t").append(copyText(payloadText))
                .append('\t').append(line.prevPlanHash()).append('\t').append(line.prevArchiveHash()).append('\t').append(hash).append('\n');
        for (int i = 0; i < docs.size(); i++) {
            Object[] d = docs.get(i);
            String content = contents.get(i);
            String plain = content.replaceAll("<[^>]+>|[\"{}\\[\\],:]", " ");
            documents.append(++documentId).append('\t').append(s).append('\t').append(i).append('\t').append(d[0]).append('\t')
                    .append(copyText((String) d[1])).append('\t').append(d[2]).append('\t').append(copyText(content)).append('\t')
                    .append(hashes.get(i).sha256()).append("\t\\N\t").append(copyText(plain)).append('\n');
        }
        archiveHead = hash;
        recordsInBatch++;
        return plan == null ? prevPlan : hash;
    }

    void flush(CopyManager copy) throws Exception {
        copy.copyIn("copy archive.record (seq, message_id, plan_id, municipality, type, schema_version, occurred_at, received_at,"
                + " actor, causation_id, payload, prev_plan_hash, prev_archive_hash, record_hash) from stdin", new StringReader(records.toString()));
        copy.copyIn("copy archive.record_plan (record_seq, plan_id) from stdin", new StringReader(links.toString()));
        copy.copyIn("copy archive.document (id, record_seq, ordinal, kind, title, media_type, content, sha256, declared_hash, plain_text)"
                + " from stdin", new StringReader(documents.toString()));
        records.setLength(0);
        links.setLength(0);
        documents.setLength(0);
        recordsInBatch = 0;
    }

    Map<String, Object> document(String municipality, int year, String title, int revision) {
        List<Object> goals = new ArrayList<>();
        for (int g = 1; g <= 7; g++) {
            List<Object> criteria = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                criteria.add(obj("code", g + "" + (char) ('a' + k), "text", "Andelen skal ligge " + (1 + k) + " procentpoint over landsgennemsnittet for " + word(),
                        "targetGroup", word(), "indicator", sentence(6), "dataSource", "Jobindsats.dk", "deadline", year + "-12-31",
                        "baselines", List.of(), "target", obj("kind", "NATIONAL_AVERAGE", "relation", "ABOVE", "percentagePoints", 1 + k, "betterWhen", "HIGHER")));
            }
            goals.add(obj("kind", "LOCAL", "label", "Lokalt mål " + g, "title", "Flere i job: " + word() + " og " + word(),
                    "introduction", List.of(obj("type", "paragraph", "text", sentence(40))),
                    "objectives", List.of(sentence(10), sentence(10)), "initiatives",
                    List.of(obj("title", word(), "blocks", List.of(obj("type", "paragraph", "text", sentence(30))))),
                    "successCriteria", criteria));
        }
        return obj("schemaVersion", 1, "municipality", municipality, "fromYear", year, "toYear", year, "title", title,
                "committeeName", "Udvalget for Beskæftigelse", "introduction", List.of(obj("type", "paragraph", "text",
                        "Revision " + revision + ". " + sentence(60))), "goals", goals, "sections", List.of());
    }

    String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    String sentence(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(word());
        }
        return s.append('.').toString();
    }

    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Text for COPY's text format: backslash, tab and newline escaped. */
    static String copyText(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /**
     * JSON exactly as PostgreSQL prints jsonb (what the archive hashes): object keys ordered by length, then
     * bytes; ", " and ": " between items; strings escaped like JSON requires.
     */
    static final class Jsonb {
        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        @SuppressWarnings("unchecked")
        static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Map<?, ?> map) {
                TreeMap<String, Object> sorted = new TreeMap<>(Comparator.comparingInt((String k) -> k.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .thenComparing(Comparator.naturalOrder()));
                sorted.putAll((Map<String, Object>) map);
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : sorted.entrySet()) {
                    out.append(first ? "" : ", ");
                    first = false;
                    string(e.getKey(), out);
                    out.append(": ");
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else {
                string(value.toString(), out);
            }
        }

        static void string(String s, StringBuilder out) {
            out.append(RecordLine.string(s));
        }
    }
}
