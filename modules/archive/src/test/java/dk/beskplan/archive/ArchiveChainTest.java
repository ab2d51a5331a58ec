package dk.beskplan.archive;

import dk.beskplan.archive.application.ArchiveCommand;
import dk.beskplan.archive.application.ChainRepository;
import dk.beskplan.archive.application.Checkpoints;
import dk.beskplan.archive.application.LegacyRecords;
import dk.beskplan.archive.application.OnEveryMessage;
import dk.beskplan.archive.application.Verification;
import dk.beskplan.archive.application.Verifier;
import dk.beskplan.archive.domain.RecordLine;
import dk.beskplan.contracts.drafting.PlanDraftCreated;
import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive alone against the real database: every record chained to its plan and to the whole archive,
 * verification that names the first altered row, insert-only enforced by PostgreSQL itself, one chain under
 * concurrent appends, and the command-line verification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveChainTest {
    private TestApp app;
    private OnEveryMessage recorder;
    private TransactionOperations<Connection> transactions;
    private JsonMapper json;
    private String url;

    private Path keys;
    private Path checkpointDirectory;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void start() throws IOException {
        // The administrator's key pair and checkpoint directory, outside the database (docs/reliability.md).
        keys = Files.createTempDirectory("archive-keys");
        checkpointDirectory = Files.createTempDirectory("archive-checkpoints");
        assertThat(ArchiveCommand.run(new String[]{"archive-keygen", keys.toString()}, Map.of(),
                new PrintStream(new ByteArrayOutputStream()))).isZero();
        app = TestApp.start(Map.of("beskplan.archive.checkpoint.key-file", keys.resolve("archive-checkpoint-key.pem").toString(),
                "beskplan.archive.checkpoint.directory", checkpointDirectory.toString()));
        recorder = app.bean(OnEveryMessage.class);
        transactions = app.bean(TransactionOperations.class);
        json = app.bean(JsonMapper.class);
        url = app.context().getRequiredProperty("datasources.default.url", String.class);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private Envelope envelope(UUID planId, String type, Map<String, Object> payload) {
        try {
            return new Envelope(UUID.randomUUID(), type, 1, Instant.now(), "316", planId, null, "a.official",
                    json.writeValueToTree(payload));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Envelope append(UUID planId, String type, Map<String, Object> payload) {
        Envelope e = envelope(planId, type, payload);
        transactions.executeWrite(s -> {
            recorder.append(e, Instant.now());
            return null;
        });
        return e;
    }

    private Verifier.Result verify(UUID planId) {
        return app.bean(Verification.class).verify(planId);
    }

    private long seqOf(Envelope e) throws SQLException {
        try (Connection c = connect(); var rs = c.createStatement().executeQuery(
                "select seq from archive.record where message_id = '" + e.messageId() + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    /** Alters a row as only a superuser can: with triggers bypassed (session_replication_role = replica). */
    private void tamper(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            assertThat(st.executeUpdate(sql)).isEqualTo(1);
        }
    }

    private static Map<String, Object> submitted(int revision) {
        return Map.of("title", "Beskæftigelsesplan 2026", "fromYear", 2026, "toYear", 2026, "revisionNumber", revision,
                "contentHash", "abc", "submittedBy", "a.official",
                "document", Map.of("title", "Beskæftigelsesplan 2026", "goals", List.of(Map.of("title", "Flere i fleksjob"))));
    }

    @Test
    void everyRecordPointsToThePreviousOfItsPlanAndOfTheArchive() throws SQLException {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        append(one, "drafting.plan-draft-created", Map.of("title", "Plan 1"));
        append(two, "drafting.plan-draft-created", Map.of("title", "Plan 2"));
        Envelope submittedOne = append(one, "drafting.plan-submitted", submitted(1));

        try (Connection c = connect(); var rs = c.createStatement().executeQuery("select plan_id, prev_plan_hash, prev_archive_hash,"
                + " record_hash from archive.record where plan_id in ('" + one + "', '" + two + "') order by seq")) {
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)[1]).isEqualTo(RecordLine.GENESIS);
            assertThat(rows.get(1)[1]).isEqualTo(RecordLine.GENESIS);
            assertThat(rows.get(1)[2]).isEqualTo(rows.get(0)[3]);
            assertThat(rows.get(2)[1]).as("plan one's second record points to its first").isEqualTo(rows.get(0)[3]);
            assertThat(rows.get(2)[2]).as("and to the archive's previous record, plan two's").isEqualTo(rows.get(1)[3]);
        }
        // The submitted revision is kept as content with its hash.
        try (Connection c = connect(); var rs = c.createStatement().executeQuery("select d.kind, d.content, d.sha256 from archive.document d"
                + " join archive.record r on r.seq = d.record_seq where r.message_id = '" + submittedOne.messageId() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("SUBMITTED_REVISION");
            assertThat(rs.getString(2)).contains("Flere i fleksjob");
            assertThat(rs.getString(3)).isEqualTo(Hashes.sha256Hex(rs.getString(2)));
        }
        assertThat(verify(null).intact()).isTrue();
        Verifier.Result plan = verify(one);
        assertThat(plan.intact()).isTrue();
        assertThat(plan.records()).isEqualTo(2);
        assertThat(plan.documents()).isEqualTo(1);
    }

    /**
     * A frozen PDF (drafting.plan-document-frozen) is kept as its bytes, with their SHA-256 in the record's line; the
     * record keeps the message without the base64 text; a changed byte is named by verification and the command line.
     */
    @Test
    void aFrozenPdfIsKeptAsItsBytesAndAChangedByteIsFound() throws Exception {
        UUID plan = UUID.randomUUID();
        byte[] pdf = "%PDF-1.7\nnot really a plan, but bytes all the same\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("planId", plan.toString());
        payload.put("title", "Beskæftigelsesplan 2026");
        payload.put("fromYear", 2026);
        payload.put("toYear", 2026);
        payload.put("revisionNumber", 1);
        payload.put("kind", "APPROVED");
        payload.put("contentHash", "abc");
        payload.put("fileName", "Beskaeftigelsesplan-2026-rev1.pdf");
        payload.put("mediaType", "application/pdf");
        payload.put("sha256", sha256);
        payload.put("pdf", java.util.Base64.getEncoder().encodeToString(pdf));
        payload.put("frozenOn", "2026-12-10");
        Envelope frozen = append(plan, "drafting.plan-document-frozen", payload);
        long seq = seqOf(frozen);
        try (Connection c = connect(); var rs = c.createStatement().executeQuery("select d.kind, d.media_type, d.content, d.bytes,"
                + " d.sha256, d.declared_hash, r.payload ? 'pdf', r.payload->>'sha256' from archive.document d"
                + " join archive.record r on r.seq = d.record_seq where d.record_seq = " + seq)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("APPROVED_VERSION_PDF");
            assertThat(rs.getString(2)).isEqualTo("application/pdf");
            assertThat(rs.getString(3)).isNull();
            assertThat(rs.getBytes(4)).isEqualTo(pdf);
            assertThat(rs.getString(5)).isEqualTo(sha256);
            assertThat(rs.getString(6)).isEqualTo(sha256);
            assertThat(rs.getBoolean(7)).as("the record keeps the message without the base64 bytes").isFalse();
            assertThat(rs.getString(8)).isEqualTo(sha256);
        }
        assertThat(verify(plan).intact()).isTrue();
        assertThat(verify(plan).documents()).isEqualTo(1);

        tamper("update archive.document set bytes = overlay(bytes placing '\\x58'::bytea from 12) where record_seq = " + seq);
        try {
            Verifier.Result all = verify(null);
            assertThat(all.intact()).isFalse();
            assertThat(all.mismatchSeq()).isEqualTo(seq);
            assertThat(all.mismatchReason()).contains("document APPROVED_VERSION_PDF");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ArchiveCommand.run(new String[]{"verify-archive", "--plan", plan.toString()},
                    Map.of("DATASOURCES_DEFAULT_URL", url), new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at record seq " + seq);
        } finally {
            try (Connection c = connect(); var ps = c.prepareStatement("update archive.document set bytes = ? where record_seq = " + seq)) {
                c.createStatement().execute("set session_replication_role = replica");
                ps.setBytes(1, pdf);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(verify(null).intact()).as("restored").isTrue();
    }

    @Test
    void verificationNamesTheFirstRowThatWasAltered() throws SQLException {
        UUID plan = UUID.randomUUID();
        append(plan, "drafting.plan-draft-created", Map.of("title", "Plan"));
        Envelope second = append(plan, "drafting.plan-submitted", submitted(1));
        append(plan, "approval.plan-decision-recorded", Map.of("decision", "APPROVED"));
        long seq = seqOf(second);
        assertThat(verify(null).intact()).isTrue();

        tamper("update archive.record set actor = 'mallory' where seq = " + seq);
        try {
            Verifier.Result all = verify(null);
            assertThat(all.intact()).isFalse();
            assertThat(all.mismatchSeq()).isEqualTo(seq);
            assertThat(all.mismatchMessageId()).isEqualTo(second.messageId());
            assertThat(all.mismatchReason()).contains("content does not match its hash");
            Verifier.Result ofPlan = verify(plan);
            assertThat(ofPlan.intact()).isFalse();
            assertThat(ofPlan.mismatchSeq()).isEqualTo(seq);

            // The command line says the same, with exit code 1.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = ArchiveCommand.run(new String[]{"verify-archive"}, Map.of("DATASOURCES_DEFAULT_URL", url),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at record seq " + seq)
                    .contains(second.messageId().toString());
        } finally {
            tamper("update archive.record set actor = 'a.official' where seq = " + seq);
        }
        assertThat(verify(null).intact()).as("restored").isTrue();

        // A frozen document altered: found at its record.
        tamper("update archive.document set content = replace(content, 'fleksjob', 'flexjob') where record_seq = " + seq);
        try {
            Verifier.Result all = verify(null);
            assertThat(all.intact()).isFalse();
            assertThat(all.mismatchSeq()).isEqualTo(seq);
            assertThat(all.mismatchReason()).contains("document SUBMITTED_REVISION");
        } finally {
            tamper("update archive.document set content = replace(content, 'flexjob', 'fleksjob') where record_seq = " + seq);
        }

        // A record removed from the middle: its successor no longer points to its predecessor.
        long third = seq + 1;
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.execute("create temporary table saved as select * from archive.record where seq = " + seq);
            st.execute("create temporary table saved_docs as select * from archive.document where record_seq = " + seq);
            st.execute("delete from archive.document where record_seq = " + seq);
            st.execute("delete from archive.record where seq = " + seq);
            try {
                Verifier.Result all = verify(null);
                assertThat(all.intact()).isFalse();
                assertThat(all.mismatchSeq()).isGreaterThanOrEqualTo(third);
                assertThat(all.mismatchReason()).contains("chain is broken");
            } finally {
                st.execute("insert into archive.record select * from saved");
                st.execute("insert into archive.document (id, record_seq, ordinal, kind, title, media_type, content, sha256,"
                        + " declared_hash, plain_text) select id, record_seq, ordinal, kind, title, media_type, content, sha256,"
                        + " declared_hash, plain_text from saved_docs");
            }
        }
        assertThat(verify(null).intact()).isTrue();
    }

    /** verify-archive on the command line, optionally against a checkpoint file: exit code and what it printed. */
    private Map.Entry<Integer, String> commandLine(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ArchiveCommand.run(args, Map.of("DATASOURCES_DEFAULT_URL", url,
                        "BESKPLAN_ARCHIVE_CHECKPOINT_PUBLIC_KEY_FILE", keys.resolve("archive-checkpoint-key.pub.pem").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return Map.entry(exit, out.toString(StandardCharsets.UTF_8));
    }

    /** Sets the record's hash to what its (altered) columns hash to now, as an attacker who knows the format would. */
    private void recomputeHash(long seq) throws SQLException {
        String hash;
        try (Connection c = connect(); var rs = c.createStatement().executeQuery("select " + ChainRepository.RECORD_COLUMNS
                + " from archive.record r where r.seq = " + seq)) {
            rs.next();
            hash = ChainRepository.line(rs).hash();
        }
        tamper("update archive.record set record_hash = '" + hash + "' where seq = " + seq);
    }

    /** Runs {@code change} on a record (triggers bypassed) and puts the record back exactly as it was afterwards. */
    private void withRecordAltered(long seq, String change, Runnable check) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.execute("create temporary table saved as select * from archive.record where seq = " + seq);
            st.execute("create temporary table saved_docs as select * from archive.document where record_seq = " + seq);
            st.execute("create temporary table saved_links as select * from archive.record_plan where record_seq = " + seq);
            try {
                if (change.equals("delete")) {
                    st.execute("delete from archive.record_plan where record_seq = " + seq);
                    st.execute("delete from archive.document where record_seq = " + seq);
                    st.execute("delete from archive.record where seq = " + seq);
                } else {
                    st.execute(change);
                }
                check.run();
            } finally {
                st.execute("delete from archive.record_plan where record_seq = " + seq);
                st.execute("delete from archive.document where record_seq = " + seq);
                st.execute("delete from archive.record where seq = " + seq);
                st.execute("insert into archive.record select * from saved");
                st.execute("insert into archive.document (id, record_seq, ordinal, kind, title, media_type, content, sha256,"
                        + " declared_hash, plain_text) select id, record_seq, ordinal, kind, title, media_type, content, sha256,"
                        + " declared_hash, plain_text from saved_docs");
                st.execute("insert into archive.record_plan select * from saved_links");
            }
        }
    }

    @Test
    void aSignedCheckpointFindsTheNewestRecordRemovedAndARewrittenHead() throws Exception {
        UUID plan = UUID.randomUUID();
        append(plan, "drafting.plan-draft-created", Map.of("title", "Plan"));
        append(plan, "drafting.plan-submitted", submitted(1));
        Envelope newest = append(plan, "approval.plan-decision-recorded", Map.of("decision", "APPROVED"));
        long head = seqOf(newest);
        Checkpoints.Written written = app.bean(Checkpoints.class).write();
        assertThat(written.checkpoint().seq()).isEqualTo(head);
        String file = written.file();
        assertThat(Files.readString(Path.of(file))).contains("seq: " + head).contains("signature: ");
        assertThat(commandLine("verify-archive", "--checkpoint", file).getKey()).isZero();

        // The newest record deleted by a superuser: both chains are still consistent, only the checkpoint knows.
        withRecordAltered(head, "delete", () -> {
            assertThat(commandLine("verify-archive").getKey()).as("without a checkpoint nothing can tell").isZero();
            Map.Entry<Integer, String> checked = commandLine("verify-archive", "--checkpoint", file);
            assertThat(checked.getKey()).isEqualTo(1);
            assertThat(checked.getValue()).contains("BROKEN").contains("removed from its end");
            // The application verifies against the newest checkpoint it signed, whole archive and plan alike.
            assertThat(verify(null).intact()).isFalse();
            assertThat(verify(plan).intact()).isFalse();
        });
        assertThat(verify(null).intact()).isTrue();

        // The head rewritten ("approved" becomes "rejected") with its hash recomputed: consistent chains again.
        withRecordAltered(head, "update archive.record set payload = '{\"decision\": \"REJECTED\"}' where seq = " + head, () -> {
            try {
                recomputeHash(head);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(commandLine("verify-archive").getKey()).as("without a checkpoint nothing can tell").isZero();
            Map.Entry<Integer, String> checked = commandLine("verify-archive", "--checkpoint", file);
            assertThat(checked.getKey()).isEqualTo(1);
            assertThat(checked.getValue()).contains("BROKEN at record seq " + head).contains("rewritten");
            assertThat(verify(null).mismatchReason()).contains("the checkpoint");
        });
        assertThat(verify(null).intact()).isTrue();

        // A checkpoint file edited to match a shortened archive no longer carries a valid signature.
        Path forged = checkpointDirectory.resolveSibling("forged-checkpoint.txt");
        Files.writeString(forged, Files.readString(Path.of(file)).replace("seq: " + head, "seq: " + (head - 1)));
        Map.Entry<Integer, String> refused = commandLine("verify-archive", "--checkpoint", forged.toString());
        assertThat(refused.getKey()).isEqualTo(1);
        assertThat(refused.getValue()).contains("NOT signed");
    }

    @Test
    void aPlansRemovedNewestRecordIsFoundByThePlansOwnVerification() throws Exception {
        UUID plan = UUID.randomUUID();
        append(plan, "drafting.plan-draft-created", Map.of("title", "Plan"));
        Envelope plansNewest = append(plan, "drafting.plan-submitted", submitted(1));
        append(UUID.randomUUID(), "drafting.plan-draft-created", Map.of("title", "Another plan, later"));
        long seq = seqOf(plansNewest);
        assertThat(verify(plan).intact()).isTrue();
        withRecordAltered(seq, "delete", () -> {
            Verifier.Result ofPlan = verify(plan);
            assertThat(ofPlan.intact()).as("the plan's chain alone still looks whole").isFalse();
            assertThat(ofPlan.mismatchReason()).contains("archive chain is broken");
            assertThat(commandLine("verify-archive", "--plan", plan.toString()).getKey()).isEqualTo(1);
        });
        assertThat(verify(plan).intact()).isTrue();
    }

    @Test
    void aDocumentsTitleMediaTypeAndSearchTextAreInsideItsRecordsHash() throws Exception {
        UUID plan = UUID.randomUUID();
        Envelope submittedRecord = append(plan, "drafting.plan-submitted", submitted(1));
        long seq = seqOf(submittedRecord);
        for (String change : List.of("title = 'Beskæftigelsesplan 2026 (forkastet)'", "media_type = 'text/html'",
                "plain_text = plain_text || ' forkastet'", "declared_hash = 'forged'")) {
            withRecordAltered(seq, "update archive.document set " + change + " where record_seq = " + seq, () -> {
                Verifier.Result all = verify(null);
                assertThat(all.intact()).as(change).isFalse();
                assertThat(all.mismatchSeq()).isEqualTo(seq);
                assertThat(all.mismatchReason()).contains("does not match its hash");
                assertThat(verify(plan).intact()).as(change).isFalse();
            });
        }
        assertThat(verify(null).intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveArchivedRows() throws SQLException {
        UUID plan = UUID.randomUUID();
        Envelope e = append(plan, "drafting.plan-submitted", submitted(1));
        long seq = seqOf(e);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            // Even the application's own login (a superuser here) is refused by the triggers.
            assertThatThrownBy(() -> st.executeUpdate("update archive.record set actor = 'x' where seq = " + seq))
                    .hasMessageContaining("insert-only");
            assertThatThrownBy(() -> st.executeUpdate("delete from archive.record where seq = " + seq))
                    .hasMessageContaining("insert-only");
            assertThatThrownBy(() -> st.executeUpdate("update archive.document set content = '' where record_seq = " + seq))
                    .hasMessageContaining("insert-only");
            assertThatThrownBy(() -> st.execute("truncate archive.record cascade")).hasMessageContaining("insert-only");
            // The role the archive writes as has no UPDATE or DELETE privilege at all.
            c.setAutoCommit(false);
            st.execute("set local role beskplan_archive_writer");
            assertThatThrownBy(() -> st.executeUpdate("update archive.record set actor = 'x' where seq = " + seq))
                    .hasMessageContaining("permission denied");
            c.rollback();
            st.execute("set local role beskplan_archive_writer");
            assertThatThrownBy(() -> st.executeUpdate("delete from archive.document where record_seq = " + seq))
                    .hasMessageContaining("permission denied");
            c.rollback();
        }
        assertThat(verify(null).intact()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneChain() throws Exception {
        List<UUID> plans = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (UUID plan : plans) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        append(plan, "drafting.plan-draft-created", Map.of("title", "Plan " + i));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Verifier.Result all = verify(null);
        assertThat(all.intact()).as(String.valueOf(all)).isTrue();
        try (Connection c = connect(); var rs = c.createStatement().executeQuery(
                "select count(*), count(distinct prev_archive_hash) from archive.record")) {
            rs.next();
            assertThat(rs.getLong(2)).as("no two records point to the same predecessor").isEqualTo(rs.getLong(1));
        }
        for (UUID plan : plans) {
            assertThat(verify(plan).records()).isEqualTo(25);
        }
    }

    /** Two application instances consume the archive's queue at once; their appends still form one chain. */
    @Test
    void twoInstancesConsumingTogetherFormOneChain() throws Exception {
        try (TestApp second = app.another(Map.of())) {
            int before = count();
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
            UUID plan = UUID.randomUUID();
            for (int i = 0; i < 100; i++) {
                int n = i;
                // Each message about its own plan, so the relay publishes them without waiting for each other.
                UUID about = n % 2 == 0 ? plan : UUID.randomUUID();
                tx.executeWrite(s -> app.bean(Outbox.class).append(ArchiveModule.MODULE,
                        new PlanDraftCreated(about, "Plan " + n, 2026, 2026, "Udvalget", null),
                        new MessageContext("316", about, "a.official", null)));
            }
            Eventually.await(java.time.Duration.ofSeconds(30), "100 more records", this::count, c -> c >= before + 100);
            Verifier.Result all = verify(null);
            assertThat(all.intact()).as(String.valueOf(all)).isTrue();
            assertThat(verify(plan).records()).isEqualTo(50);
            try (Connection c = connect(); var rs = c.createStatement().executeQuery(
                    "select count(*), count(distinct prev_archive_hash) from archive.record")) {
                rs.next();
                assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
            }
        }
    }

    private int count() {
        try (Connection c = connect(); var rs = c.createStatement().executeQuery("select count(*) from archive.record")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCommandLineVerifiesAnIntactArchive() {
        append(UUID.randomUUID(), "drafting.plan-draft-created", Map.of("title", "Plan"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ArchiveCommand.run(new String[]{"verify-archive"}, Map.of("DATASOURCES_DEFAULT_URL", url),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("archive intact");
        assertThat(exit).isEqualTo(0);
        assertThat(ArchiveCommand.run(new String[]{"verify-archive", "--bogus"}, Map.of("DATASOURCES_DEFAULT_URL", url),
                new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
    }

    @Test
    void recordsFromBeforeTheChainAreAppendedToItOnce() throws SQLException {
        UUID plan = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate("insert into archive.record_v1 (message_id, plan_id, municipality, type, schema_version, occurred_at,"
                    + " actor, payload) values ('" + message + "', '" + plan + "', '316', 'drafting.plan-draft-created', 1,"
                    + " now() - interval '1 year', 'a.official', '{\"title\": \"Gammel plan\"}')");
        }
        LegacyRecords legacy = app.bean(LegacyRecords.class);
        assertThat(legacy.chainAll()).isEqualTo(1);
        assertThat(legacy.chainAll()).isZero();
        Verifier.Result result = verify(plan);
        assertThat(result.intact()).isTrue();
        assertThat(result.records()).isEqualTo(1);
    }
}
