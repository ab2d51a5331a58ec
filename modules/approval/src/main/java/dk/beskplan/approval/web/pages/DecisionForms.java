package dk.beskplan.approval.web.pages;

import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.PageForms;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the decision and correction forms of an agenda item send: outcome, members present, votes, amendments. */
final class DecisionForms {
    private DecisionForms() {
    }

    static @Nullable ItemDecision.Outcome outcome(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : ItemDecision.Outcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Checked members: {@code present.N} carries the name of the committee's N-th member. */
    static List<String> present(Map<String, String> form, Committee committee) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < committee.members().size(); i++) {
            String name = PageForms.text(form, "present." + i);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** One row per party: {@code vote.N.party} and its three counts; rows left empty are no vote. */
    static List<ItemDecision.PartyVote> votes(Map<String, String> form) {
        List<ItemDecision.PartyVote> votes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String party = PageForms.text(form, "vote." + i + ".party");
            if (party == null) {
                continue;
            }
            Integer inFavour = Forms.number(form, "vote." + i + ".for", "votes");
            Integer against = Forms.number(form, "vote." + i + ".against", "votes");
            Integer abstained = Forms.number(form, "vote." + i + ".abstained", "votes");
            if (inFavour == null && against == null && abstained == null) {
                continue;
            }
            votes.add(new ItemDecision.PartyVote(party, inFavour == null ? 0 : inFavour, against == null ? 0 : against,
                    abstained == null ? 0 : abstained));
        }
        return votes;
    }

    /** Amendment rows, with a criterion's new measure (see {@link AmendmentForm}); a row with nothing chosen is ignored. */
    static List<Amendment> amendments(Map<String, String> form) {
        return AmendmentForm.amendments(form);
    }
}
