package dk.beskplan.drafting.web.pages;

import dk.beskplan.drafting.application.PlanDocuments;
import dk.beskplan.drafting.application.PlanPdfs;
import dk.beskplan.drafting.application.PublishedPlans;
import dk.beskplan.platform.text.DanishFormats;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The municipality's public page (no login): its approved plans, each as the approved document, PDF and the exact
 * approved text (JSON) with its fingerprint, and how it was approved (date, deciding body, the meeting's protocol,
 * which approval publishes under /offentlig/{municipality}/moeder). Drafts, revisions and decisions on the way are the
 * administration's and never shown here.
 */
@Controller("/offentlig/{municipality}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class PublicPages {
    private final PublishedPlans plans;
    private final PlanDocuments documents;
    private final PlanPdfs pdfs;

    public PublicPages(PublishedPlans plans, PlanDocuments documents, PlanPdfs pdfs) {
        this.pdfs = pdfs;
        this.plans = plans;
        this.documents = documents;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> plans(@PathVariable String municipality) {
        Map<String, Object> model = new HashMap<>();
        model.put("municipality", municipality);
        model.put("municipalityName", plans.municipalityName(municipality));
        model.put("plans", plans.published(municipality));
        model.put("danishDate", DanishFormats.DATE);
        return new ModelAndView<>("drafting/public", model);
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> document(@PathVariable String municipality, @PathVariable UUID id) {
        return HttpResponse.ok(documents.html(plans.publishedDocument(municipality, id)).html());
    }

    /**
     * The approved version as the exact bytes its fingerprint is computed from, so a citizen can check it:
     * {@code sha256sum} of this file is the fingerprint on the public page.
     */
    @Get(value = "/{id}/godkendt.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> approvedText(@PathVariable String municipality, @PathVariable UUID id) {
        byte[] bytes = plans.publishedText(municipality, id).getBytes(StandardCharsets.UTF_8);
        return HttpResponse.ok(bytes).contentType(MediaType.APPLICATION_JSON + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"plan-" + id + "-godkendt.json\"");
    }

    @Get(value = "/{id}/pdf", produces = "application/pdf")
    public HttpResponse<byte[]> pdf(@PathVariable String municipality, @PathVariable UUID id) {
        PlanDocuments.Rendered rendered = documents.html(plans.publishedDocument(municipality, id));
        return HttpResponse.ok(pdfs.pdf(rendered))
                .header("Content-Disposition", "inline; filename=\"" + rendered.fileName() + ".pdf\"");
    }
}
