package dk.beskplan.drafting.application;

import dk.beskplan.drafting.domain.PlanComparison;
import dk.beskplan.platform.security.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** What changed in a plan: between two of its revisions, or since the municipality's approved plan of last period. */
@Singleton
public class Comparisons {
    private final PlanService plans;

    Comparisons(PlanService plans) {
        this.plans = plans;
    }

    /** Two documents and the changes from the first to the second. */
    public record Comparison(PlanService.Document before, PlanService.Document after, PlanComparison.Comparison changes) {
        static Comparison of(PlanService.Document before, PlanService.Document after) {
            return new Comparison(before, after, PlanComparison.compare(before.content(), after.content()));
        }
    }

    /** What changed between two revisions of one plan (either may be frozen). */
    @Transactional
    public Comparison compareRevisions(UUID id, int from, int to, CurrentUser user) {
        return Comparison.of(plans.document(id, from, user), plans.document(id, to, user));
    }

    /** What changed since last year: the municipality's approved plan for the previous period against this one. */
    @Transactional
    public Optional<Comparison> compareWithLastApproved(UUID id, @Nullable Integer revision, CurrentUser user) {
        PlanService.Document after = plans.document(id, revision, user);
        return plans.lastApprovedBefore(id, user).map(before -> Comparison.of(before, after));
    }
}
