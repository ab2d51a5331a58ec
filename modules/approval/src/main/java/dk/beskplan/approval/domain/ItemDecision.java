package dk.beskplan.approval.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the committee decided on one agenda item, as the protocol records it. Never edited: a mistake in how it
 * was written down is fixed by a {@link Correction} that names it and says why.
 */
public record ItemDecision(UUID id, UUID itemId, Outcome outcome, boolean followedRecommendation, String protocolText,
                           List<Committee.Member> present, List<PartyVote> votes, List<Amendment> amendments,
                           UUID postponedTo, String decidedBy, Instant decidedAt) {

    /** The outcomes of docs/domain.md ("The life of a plan"), plus "noted" for status reports. */
    public enum Outcome {
        APPROVED("godkendt"), APPROVED_WITH_AMENDMENTS("godkendt med ændringer"), RETURNED("sendt tilbage"),
        REJECTED("forkastet"), POSTPONED("udsat"), NOTED("taget til efterretning");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        /** The outcome in the users' words, for messages that name it. */
        public String words() {
            return words;
        }
    }

    /** How one party's members voted; parties not listed did not vote separately. */
    public record PartyVote(String party, int inFavour, int against, int abstained) {
        public int total() {
            return inFavour + against + abstained;
        }
    }

    /** What the secretary enters for a decision. {@code postponedTo} names the later meeting for POSTPONED. */
    public record Input(Outcome outcome, boolean followedRecommendation, String protocolText, List<String> present,
                        List<PartyVote> votes, List<Amendment> amendments, UUID postponedTo, LocalDate postponedToDate) {
        public Input {
            present = present == null ? List.of() : List.copyOf(present);
            votes = votes == null ? List.of() : List.copyOf(votes);
            amendments = amendments == null ? List.of() : List.copyOf(amendments);
        }
    }

    /** A recorded fix of how a decision was written down: the outcome stays, the words, attendance or vote change. */
    public record Correction(UUID id, UUID decisionId, String reason, String protocolText, List<Committee.Member> present,
                             List<PartyVote> votes, String correctedBy, Instant correctedAt) {
    }

    /** How a decision reads now: in the words, attendance and vote of its last correction, or its own if none. */
    public record AsCorrected(String protocolText, List<Committee.Member> present, List<PartyVote> votes) {
    }

    /** This decision as {@code corrections} (oldest first, all of this decision) leave it. */
    public AsCorrected asCorrected(List<Correction> corrections) {
        if (corrections.isEmpty()) {
            return new AsCorrected(protocolText, present, votes);
        }
        Correction last = corrections.get(corrections.size() - 1);
        return new AsCorrected(last.protocolText(), last.present(), last.votes());
    }

    public ItemDecision {
        present = List.copyOf(present);
        votes = List.copyOf(votes);
        amendments = List.copyOf(amendments);
    }
}
