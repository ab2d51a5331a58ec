package dk.beskplan.approval.domain;

import dk.beskplan.platform.domain.Result;

import java.time.LocalDate;
import java.util.UUID;

/** A submitted plan revision waiting for, or having got, the committee's decision. */
public final class Submission {

    /** Whether the committee has decided yet. */
    public enum Status { AWAITING_DECISION, DECIDED }

    /** The committee's possible outcomes for a plan (amendments and postponement come with meetings). */
    public enum Outcome { APPROVED, RETURNED, REJECTED }

    /** A recorded decision. */
    public record Decision(UUID id, Outcome outcome, LocalDate meetingDate, String remarks) {
    }

    private final UUID planId;
    private final int revision;
    private final String municipality;
    private Status status;
    private final long version;

    public Submission(UUID planId, int revision, String municipality, Status status, long version) {
        this.planId = planId;
        this.revision = revision;
        this.municipality = municipality;
        this.status = status;
        this.version = version;
    }

    /** A submission is decided once; returning or rejecting needs the committee's remarks. */
    public Result<Decision> decide(Outcome outcome, LocalDate meetingDate, String remarks) {
        if (status == Status.DECIDED) {
            return Result.rejected("Der er allerede truffet beslutning om denne indsendelse");
        }
        if (outcome != Outcome.APPROVED && (remarks == null || remarks.isBlank())) {
            return Result.rejected("Bemærkninger skal udfyldes, når planen sendes tilbage eller forkastes");
        }
        status = Status.DECIDED;
        return Result.accepted(new Decision(UUID.randomUUID(), outcome, meetingDate, remarks));
    }

    public UUID planId() {
        return planId;
    }

    public int revision() {
        return revision;
    }

    public String municipality() {
        return municipality;
    }

    public Status status() {
        return status;
    }

    public long version() {
        return version;
    }
}
