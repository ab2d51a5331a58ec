package dk.beskplan.drafting.application;

import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The municipality's approved plans as its public page shows them (no login): each with how it was approved and the
 * approved text exactly as stored. Nothing else of a plan is public.
 */
@Singleton
public class PublishedPlans {
    private final PlanRepository plans;
    private final PlanTexts texts;
    private final UserAccounts directory;

    PublishedPlans(PlanRepository plans, PlanTexts texts, UserAccounts directory) {
        this.plans = plans;
        this.texts = texts;
        this.directory = directory;
    }

    /**
     * An approved plan as its public page shows it: how it was approved (null for plans approved before this was
     * recorded) and the fingerprint of the approved version, the SHA-256 of its stored text ({@link #publishedText}).
     */
    public record Published(Plan plan, String contentHash, @Nullable LocalDate approvedOn,
                            @Nullable String decidingBody, @Nullable UUID meetingId) {
    }

    /** "Holbæk Kommune" for "316". */
    public String municipalityName(String municipality) {
        return directory.municipalityName(municipality);
    }

    /** The municipality's approved plans, for its public page (no login). */
    @Transactional
    public List<Published> published(String municipality) {
        return plans.ofMunicipality(municipality).stream().filter(p -> p.approvedRevision() != null).map(p -> {
            PlanRepository.Revision approved = plans.revision(p.id(), p.approvedRevision()).orElseThrow();
            PlanRepository.ApprovalRecord how = plans.approvalRecord(p.id()).orElse(null);
            return new Published(p, approved.contentHash(), how == null ? null : how.decidedOn(),
                    how == null ? null : how.decidingBody(), how == null ? null : how.meetingId());
        }).toList();
    }

    /**
     * The approved version exactly as stored, character for character: the plan document (JSON) whose UTF-8 bytes'
     * SHA-256 is the plan's fingerprint. Anyone can download it and recompute the fingerprint.
     */
    @Transactional
    public String publishedText(String municipality, UUID id) {
        Plan plan = approved(municipality, id);
        return plans.revision(id, plan.approvedRevision()).orElseThrow().content();
    }

    /** An approved plan's approved text, for the public page; 404 for anything else. */
    @Transactional
    public PlanService.Document publishedDocument(String municipality, UUID id) {
        Plan plan = approved(municipality, id);
        return texts.document(plan, plan.approvedRevision(), plans.revision(id, plan.approvedRevision()).orElseThrow());
    }

    /** The municipality's plan if it is approved; any other answers exactly like a missing one. */
    private Plan approved(String municipality, UUID id) {
        return plans.find(id).filter(p -> p.municipality().equals(municipality) && p.approvedRevision() != null)
                .orElseThrow(() -> new NotFound("Planen findes ikke"));
    }
}
