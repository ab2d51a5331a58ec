package dk.beskplan.archive.application;

import dk.beskplan.archive.domain.ChainCheck;
import dk.beskplan.archive.domain.Checkpoint;
import dk.beskplan.archive.domain.RecordLine;
import dk.beskplan.platform.domain.Hashes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Recomputes the archive's hash chains from the stored rows and names the first record that does not match.
 * Works on a plain JDBC connection (the API's transaction, or the command line's own connection) through
 * {@link ChainRepository}, which streams the rows: only the last hash per plan is held in memory.
 */
public final class Verifier {

    /** The outcome: intact, or the first record that does not match. */
    @Serdeable
    public record Result(boolean intact, @Nullable UUID planId, long records, long documents, long millis,
                         @Nullable String lastHash, @Nullable Long mismatchSeq, @Nullable UUID mismatchMessageId,
                         @Nullable String mismatchReason) {
    }

    private Verifier() {
    }

    /** Verifies the whole archive ({@code planId} null) or one plan's chain. */
    public static Result verify(Connection connection, @Nullable UUID planId) throws SQLException {
        return verify(connection, planId, null);
    }

    /**
     * Verifies the whole archive ({@code planId} null) or one plan's chain and, given a checkpoint (whose signature
     * the caller has checked), that the record it names still carries its hash: this finds a removed end of the
     * archive and a rewritten tail whose hashes were recomputed, which the chains alone cannot.
     */
    public static Result verify(Connection connection, @Nullable UUID planId, @Nullable Checkpoint checkpoint) throws SQLException {
        long started = System.nanoTime();
        return ChainRepository.read(connection, chain -> verify(chain, planId, checkpoint, started));
    }

    private static Result verify(ChainRepository chain, @Nullable UUID planId, @Nullable Checkpoint checkpoint, long started)
            throws SQLException {
        ChainCheck check = new ChainCheck(planId == null);
        boolean[] checkpointSeen = {false};
        String[] hashAtCheckpoint = {null};
        chain.records(planId, record -> {
            RecordLine line = record.line();
            if (checkpoint != null && line.seq() == checkpoint.seq()) {
                checkpointSeen[0] = true;
                hashAtCheckpoint[0] = record.recordHash();
            }
            return check.next(line, record.recordHash()).isEmpty();
        });
        if (planId != null) {
            planHeadInArchiveChain(chain, planId).ifPresent(m -> check.fail(m));
            if (checkpoint != null) {
                // The plan's records are not all of the archive: look the checkpoint's record up directly.
                Optional<String> at = chain.hashAt(checkpoint.seq());
                checkpointSeen[0] = at.isPresent();
                hashAtCheckpoint[0] = at.orElse(null);
            }
        }
        if (checkpoint != null) {
            check.checkpoint(checkpoint, checkpointSeen[0], hashAtCheckpoint[0]);
        }
        long[] documents = {0};
        Long recordsBrokenAt = check.mismatch().map(ChainCheck.Mismatch::seq).orElse(null);
        ChainCheck documentCheck = new ChainCheck(false);
        chain.documents(planId, recordsBrokenAt, document -> {
            documents[0]++;
            return documentCheck.document(document.recordSeq(), document.messageId(), document.kind(), document.sha256(),
                    document.recomputedHash()).isEmpty();
        });
        // A broken document comes before any broken record (only earlier documents were read).
        ChainCheck.Mismatch first = documentCheck.mismatch().or(check::mismatch).orElse(null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String last = planId == null ? check.lastOfArchive() : check.lastOfPlan(planId).orElse(null);
        return first == null
                ? new Result(true, planId, check.checked(), documents[0], millis, last, null, null, null)
                : new Result(false, planId, check.checked(), documents[0], millis, null, first.seq(), first.messageId(),
                first.reason());
    }

    /**
     * One plan's chain says nothing about records removed from its end. But every record of the plan is also a link
     * of the archive chain, so the plan's newest record is recorded there: the record after it points to it. This
     * follows the archive links (by the stored hashes; the whole-archive verification recomputes them) from the
     * plan's first record to the archive's head, and names the first link that does not hold.
     */
    private static Optional<ChainCheck.Mismatch> planHeadInArchiveChain(ChainRepository chain, UUID planId) throws SQLException {
        return chain.firstBrokenLinkFrom(planId).map(link -> new ChainCheck.Mismatch(link.seq(), link.messageId(),
                "the archive chain is broken after the plan's first record: record seq " + link.seq()
                + " points to " + link.pointsTo() + ", the record before it is " + link.recordBefore()
                + " (a record was removed or changed; the plan's newest may be missing)"));
    }
}
