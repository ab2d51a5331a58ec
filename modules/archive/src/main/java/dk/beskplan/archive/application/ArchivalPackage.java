package dk.beskplan.archive.application;

import dk.beskplan.archive.domain.RecordLine;
import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.security.CurrentUser;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A plan's archival package: a zip that someone without Beskplan can verify with {@code sha256sum -c SHA256SUMS}.
 * <pre>
 * SHA256SUMS                  the SHA-256 of every other file, in sha256sum's format
 * README.txt                  what the package holds and how to verify it
 * package.json                the plan, when the package was made, the chain heads
 * chain.tsv                   every record's seq, message id, type, hash and the two hashes it points back to
 * records/&lt;seq&gt;.json         every record in its canonical form: its SHA-256 is its hash in chain.tsv
 * documents/&lt;seq&gt;-&lt;n&gt;-&lt;kind&gt;.json|.html   every frozen document as archived (its SHA-256 is in its record)
 * documents/&lt;seq&gt;-&lt;n&gt;-&lt;kind&gt;.pdf          the same document as PDF (a plan document's: the PDF drafting froze
 *                                            of it); a frozen PDF archived as bytes is this file alone
 * </pre>
 * The plan's own records form a chain (each names the previous one's hash in {@code prevPlanHash}); records about
 * several plans (a meeting's protocol) are included with their hash but sit outside the plan chain.
 */
@Singleton
public class ArchivalPackage {
    private final Archive archive;
    private final RecordRepository records;
    private final DocumentRendering rendering;
    private final Clock clock;

    ArchivalPackage(Archive archive, RecordRepository records, DocumentRendering rendering, Clock clock) {
        this.archive = archive;
        this.records = records;
        this.rendering = rendering;
        this.clock = clock;
    }

    /** The package's file name. */
    public static String fileName(UUID planId) {
        return "arkivpakke-" + planId + ".zip";
    }

    @Transactional
    public byte[] build(UUID planId, CurrentUser user) {
        String municipality = archive.checkAccess(planId, user);
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder chain = new StringBuilder("seq\tmessage_id\ttype\tin_plan_chain\trecord_hash\tprev_plan_hash\tprev_archive_hash\n");
        String planHead = RecordLine.GENESIS;
        int count = 0;
        for (ChainRepository.StoredRecord record : records.recordsAbout(planId)) {
            RecordLine line = record.line();
            boolean inPlanChain = planId.equals(line.planId());
            files.put("records/" + seqName(line.seq()) + ".json", line.bytes());
            chain.append(line.seq()).append('\t').append(line.messageId()).append('\t').append(line.type()).append('\t')
                    .append(inPlanChain ? "yes" : "no").append('\t').append(record.recordHash()).append('\t')
                    .append(line.prevPlanHash()).append('\t').append(line.prevArchiveHash()).append('\n');
            if (inPlanChain) {
                planHead = record.recordHash();
            }
            count++;
        }
        files.put("chain.tsv", chain.toString().getBytes(StandardCharsets.UTF_8));
        List<String> documentNames = new ArrayList<>();
        int ordinal = 0;
        long lastSeq = -1;
        for (Archive.ArchivedDocument doc : archive.documentsOfPlan(planId, user)) {
            ordinal = doc.recordSeq() == lastSeq ? ordinal + 1 : 0;
            lastSeq = doc.recordSeq();
            String base = "documents/" + seqName(doc.recordSeq()) + "-" + ordinal + "-" + doc.kind().toLowerCase(Locale.ROOT).replace('_', '-');
            if (doc.isPdf()) {
                // A PDF archived as bytes is its own file, exactly as archived.
                files.put(base + ".pdf", doc.pdf());
                documentNames.add(base + ".pdf");
                continue;
            }
            String extension = FrozenDocuments.HTML.equals(doc.mediaType()) ? ".html" : ".json";
            files.put(base + extension, doc.content().getBytes(StandardCharsets.UTF_8));
            files.put(base + ".pdf", rendering.pdf(doc));
            documentNames.add(base + extension);
        }
        String archiveHead = records.head().map(head -> head.seq() + " " + head.hash()).orElse("");
        Archive.PlanSummary summary = archive.plans(user).stream().filter(p -> p.planId().equals(planId)).findFirst().orElse(null);
        String manifest = "{\n  \"format\": \"beskplan-archival-package/1\",\n"
                + "  \"planId\": " + quote(planId) + ",\n"
                + "  \"municipality\": " + quote(municipality) + ",\n"
                + "  \"title\": " + quote(summary == null ? null : summary.title()) + ",\n"
                + "  \"fromYear\": " + (summary == null ? null : summary.fromYear()) + ",\n"
                + "  \"toYear\": " + (summary == null ? null : summary.toYear()) + ",\n"
                + "  \"createdAt\": " + quote(clock.instant()) + ",\n"
                + "  \"createdBy\": " + quote(user.username()) + ",\n"
                + "  \"records\": " + count + ",\n"
                + "  \"documents\": " + documentNames.size() + ",\n"
                + "  \"planChainHead\": " + quote(planHead) + ",\n"
                + "  \"archiveHeadAtCreation\": " + quote(archiveHead) + ",\n"
                + "  \"hashAlgorithm\": \"SHA-256\"\n}\n";
        files.put("package.json", manifest.getBytes(StandardCharsets.UTF_8));
        files.put("README.txt", readme(planId).getBytes(StandardCharsets.UTF_8));
        StringBuilder sums = new StringBuilder();
        files.forEach((name, bytes) -> sums.append(Hashes.sha256Hex(bytes)).append("  ").append(name).append('\n'));
        return zip(files, sums.toString());
    }

    static String seqName(long seq) {
        return String.format("%012d", seq);
    }

    private static String quote(Object value) {
        return value == null ? "null" : "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] zip(Map<String, byte[]> files, String sums) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "SHA256SUMS", sums.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String readme(UUID planId) {
        return """
                Beskplan – arkivpakke for plan %1$s
                ====================================================================

                Pakken indeholder alt, hvad arkivet har om planen: hver hændelse (records/), hvert frosset
                dokument som arkiveret (documents/*.json eller *.html) og som PDF (documents/*.pdf), kæden af
                hashværdier (chain.tsv) og en oversigt (package.json).

                Kontrollér pakken (Linux/macOS, uden Beskplan):

                    unzip arkivpakke-%1$s.zip -d pakke && cd pakke && sha256sum -c SHA256SUMS

                Hver fil skal melde "OK". Kæden kontrolleres sådan:
                  * SHA-256 af records/<seq>.json er postens hash (kolonnen record_hash i chain.tsv);
                  * hver post med in_plan_chain = yes angiver i "prevPlanHash" hashen af planens forrige post
                    (den første: 64 nuller) – dvs. record_hash i linjen før i chain.tsv blandt planens poster;
                  * hvert dokuments SHA-256 står i dets post under "documents".
                "prevArchiveHash" peger på den forrige post i hele arkivet (også andre planers); den kontrolleres
                mod arkivet selv (java -jar beskplan.jar verify-archive).

                The package holds every record of the plan (records/), every frozen document as archived and as
                PDF (documents/), the hash chain (chain.tsv) and an overview (package.json). Verify it with
                `sha256sum -c SHA256SUMS`; each record file's SHA-256 is its hash, and each record names the
                previous record of the plan in "prevPlanHash".
                """.formatted(planId);
    }
}
