package dk.beskplan.drafting.application;

import dk.beskplan.platform.documents.DocumentRenderer;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.tenancy.Municipalities;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;

/** The plan as the municipality publishes it, in HTML from the template its PDF is rendered from ({@link PlanPdfs}). */
@Singleton
public class PlanDocuments {
    static final String TEMPLATE = "drafting/plan-document";

    private final PlanService plans;
    private final DocumentRenderer renderer;
    private final Municipalities municipalities;

    PlanDocuments(PlanService plans, DocumentRenderer renderer, Municipalities municipalities) {
        this.municipalities = municipalities;
        this.plans = plans;
        this.renderer = renderer;
    }

    /**
     * A rendered revision; a frozen (submitted, approved or withdrawn) one renders exactly as it was frozen, and its
     * PDF only once.
     */
    public record Rendered(String fileName, String html, UUID planId, int revision, @Nullable String frozenAs) {
        public boolean frozen() {
            return frozenAs != null;
        }
    }

    public Rendered html(UUID id, @Nullable Integer revision, CurrentUser user) {
        return html(plans.document(id, revision, user));
    }

    public Rendered html(PlanService.Document doc) {
        Map<String, Object> model = PlanDocumentView.model(doc.content(), status(doc));
        municipalities.dressDocument(model, doc.content().municipality());
        // A plan that does not print its municipality's name is headed by the name the catalogue knows.
        String municipalityName = doc.content().municipalityName() != null ? doc.content().municipalityName()
                : municipalities.find(doc.content().municipality()).map(Municipalities.Municipality::shownName)
                .orElse(doc.content().municipality());
        @SuppressWarnings("unchecked")
        Map<String, Object> written = (Map<String, Object>) model.get("doc");
        written.put("municipalityName", municipalityName);
        String html = renderer.html(TEMPLATE, model);
        String file = (doc.content().title() + " " + municipalityName).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-|-$)", "") + "-rev" + doc.revision();
        return new Rendered(file, html, doc.plan().id(), doc.revision(), doc.frozenAs());
    }

    private static String status(PlanService.Document doc) {
        if ("APPROVED".equals(doc.frozenAs())) {
            return "Godkendt udgave (revision " + doc.revision() + ")";
        }
        if ("WITHDRAWN".equals(doc.frozenAs())) {
            return "Indsendt og trukket tilbage af forvaltningen (revision " + doc.revision() + ")";
        }
        if ("SUBMITTED".equals(doc.frozenAs())) {
            return "Indsendt til politisk behandling (revision " + doc.revision() + ")";
        }
        return "Udkast (revision " + doc.revision() + ")";
    }
}
