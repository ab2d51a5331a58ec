package dk.beskplan.archive.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Recomputes the chains record by record, in archive order, and names the first record that does not match.
 * Holds only the last hash of each plan and of the archive, so it can check any number of records streamed
 * past it. For one plan's records only ({@code wholeArchive} false), the archive links cannot be followed
 * (other plans' records sit between them); each record's own hash and the plan chain still are.
 */
public final class ChainCheck {

    /** The first record that does not match, and why. */
    public record Mismatch(long seq, UUID messageId, String reason) {
    }

    private final boolean wholeArchive;
    private final Map<UUID, String> lastOfPlan = new HashMap<>();
    private String lastOfArchive = RecordLine.GENESIS;
    private long lastSeq;
    private int highestFormat = 1;
    private long checked;
    private Mismatch mismatch;

    public ChainCheck(boolean wholeArchive) {
        this.wholeArchive = wholeArchive;
    }

    /** Checks the next record; after the first mismatch, nothing more is checked. */
    public Optional<Mismatch> next(RecordLine line, String storedHash) {
        if (mismatch != null) {
            return Optional.of(mismatch);
        }
        checked++;
        // Formats only ever go up along the chain: a record set back to an older format (to slip a field out of its
        // hash) is named even if its hash was recomputed by that older rule.
        if (line.format() < highestFormat) {
            return fail(line, "the record claims format " + line.format() + " after records of format " + highestFormat);
        }
        highestFormat = line.format();
        lastSeq = line.seq();
        String recomputed = line.hash();
        if (!recomputed.equals(storedHash)) {
            return fail(line, "the record's content does not match its hash (stored " + storedHash + ", recomputed " + recomputed + ")");
        }
        if (line.planId() != null) {
            String expected = lastOfPlan.getOrDefault(line.planId(), RecordLine.GENESIS);
            if (!expected.equals(line.prevPlanHash())) {
                return fail(line, "the plan chain is broken: it points to " + line.prevPlanHash()
                        + ", the plan's previous record is " + expected);
            }
            lastOfPlan.put(line.planId(), storedHash);
        }
        if (wholeArchive) {
            if (!lastOfArchive.equals(line.prevArchiveHash())) {
                return fail(line, "the archive chain is broken: it points to " + line.prevArchiveHash()
                        + ", the previous record is " + lastOfArchive);
            }
            lastOfArchive = storedHash;
        }
        return Optional.empty();
    }

    /** A frozen document of the record at {@code seq} whose content does not match its stored hash. */
    public Optional<Mismatch> document(long seq, UUID messageId, String kind, String storedHash, String recomputed) {
        if (mismatch == null && !storedHash.equals(recomputed)) {
            mismatch = new Mismatch(seq, messageId, "document " + kind + " does not match its hash (stored " + storedHash
                    + ", recomputed " + recomputed + ")");
        }
        return Optional.ofNullable(mismatch);
    }

    /** A mismatch found outside the record stream (it counts only if none was found before). */
    public void fail(Mismatch found) {
        if (mismatch == null) {
            mismatch = found;
        }
    }

    private Optional<Mismatch> fail(RecordLine line, String reason) {
        mismatch = new Mismatch(line.seq(), line.messageId(), reason);
        return Optional.of(mismatch);
    }

    /**
     * After the last record: a checkpoint taken earlier must still be found in the chain. The record at its seq must
     * carry its hash; when the chain ends before that seq, records were removed from the end (truncated).
     */
    public Optional<Mismatch> checkpoint(Checkpoint checkpoint, boolean seen, String hashSeen) {
        if (mismatch != null || checkpoint.seq() == 0) {
            return Optional.ofNullable(mismatch); // seq 0: the archive was empty when the checkpoint was taken
        }
        if (!seen) {
            mismatch = new Mismatch(checkpoint.seq(), null, lastSeq < checkpoint.seq()
                    ? "the archive ends at record seq " + lastSeq + " but the checkpoint of " + checkpoint.writtenAt()
                    + " names record seq " + checkpoint.seq() + ": records were removed from its end"
                    : "record seq " + checkpoint.seq() + ", named by the checkpoint of " + checkpoint.writtenAt()
                    + ", is missing");
        } else if (!checkpoint.hash().equals(hashSeen)) {
            mismatch = new Mismatch(checkpoint.seq(), null, "record seq " + checkpoint.seq() + " has hash " + hashSeen
                    + " but the checkpoint of " + checkpoint.writtenAt() + " says " + checkpoint.hash()
                    + ": the archive was rewritten up to or past the checkpoint and its hashes recomputed");
        }
        return Optional.ofNullable(mismatch);
    }

    public long checked() {
        return checked;
    }

    public String lastOfArchive() {
        return lastOfArchive;
    }

    public Optional<String> lastOfPlan(UUID planId) {
        return Optional.ofNullable(lastOfPlan.get(planId));
    }

    public Optional<Mismatch> mismatch() {
        return Optional.ofNullable(mismatch);
    }
}
