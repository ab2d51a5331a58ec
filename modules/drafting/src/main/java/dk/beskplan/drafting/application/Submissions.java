package dk.beskplan.drafting.application;

import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.platform.security.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Submitting a plan: the revision to be frozen is read (one short transaction), its PDF rendered outside any
 * transaction, and the plan submitted with that PDF (a second transaction, which stores the PDF and sends both messages
 * with the state change). Had the plan changed in between, the submission is refused with 409 and nothing is frozen.
 */
@Singleton
public class Submissions {
    private final PlanService plans;
    private final Freezer freezer;

    Submissions(PlanService plans, Freezer freezer) {
        this.plans = plans;
        this.freezer = freezer;
    }

    public Plan submit(UUID id, @Nullable Long expectedVersion, CurrentUser user) {
        FrozenPdf pdf = freezer.render(plans.toSubmit(id, expectedVersion, user));
        return plans.submit(id, expectedVersion, user, pdf);
    }
}
