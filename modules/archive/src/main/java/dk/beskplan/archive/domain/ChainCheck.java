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

    private Optional<Mismatch> fail(RecordLine line, String reason) {
        mismatch = new Mismatch(line.seq(), line.messageId(), reason);
        return Optional.of(mismatch);
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
