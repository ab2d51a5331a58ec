package dk.beskplan.drafting.application;

import dk.beskplan.drafting.document.PlanDocumentView;
import dk.beskplan.platform.documents.DocumentRenderer;
import dk.beskplan.platform.security.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The plan as the municipality publishes it, in HTML and PDF from one template. */
@Singleton
public class PlanDocuments {
    static final String TEMPLATE = "drafting/plan-document";

    private final PlanService plans;
    private final DocumentRenderer renderer;

    PlanDocuments(PlanService plans, DocumentRenderer renderer) {
        this.plans = plans;
        this.renderer = renderer;
    }

    /** A rendered revision; a frozen (submitted or approved) one renders exactly as it was frozen. */
    public record Rendered(String fileName, String html) {
    }

    public Rendered html(UUID id, @Nullable Integer revision, CurrentUser user) {
        return html(plans.document(id, revision, user));
    }

    public Rendered html(PlanService.Document doc) {
        String html = renderer.html(TEMPLATE, PlanDocumentView.model(doc.content(), status(doc)));
        String file = (doc.content().title() + " " + doc.content().municipalityName()).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-|-$)", "") + "-rev" + doc.revision();
        return new Rendered(file, html);
    }

    public byte[] pdf(Rendered rendered) {
        return renderer.pdf(rendered.html());
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
