package dk.beskplan.drafting.pages;

import dk.beskplan.drafting.application.PlanDocuments;
import dk.beskplan.drafting.application.PlanService;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.drafting.domain.PlanComparison;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pages for officials (Danish, server-rendered): the municipality's plans, a new draft, one plan with
 * what can be done with it, and the plan as a document. Each action is also an API endpoint.
 */
@Controller("/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class PlanPages {
    private final PlanService plans;
    private final PlanDocuments documents;
    private final JsonMapper json;

    public PlanPages(PlanService plans, PlanDocuments documents, JsonMapper json) {
        this.plans = plans;
        this.documents = documents;
        this.json = json;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public ModelAndView<Map<String, Object>> list(Authentication auth) {
        return listView(auth, Map.of(), Map.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> create(@Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            Plan plan = plans.create(new PlanService.NewPlan(user.municipality(), year(form.get("fromYear")), year(form.get("toYear")),
                    form.get("title"), form.get("committeeName")), user);
            return HttpResponse.seeOther(URI.create("/plans/" + plan.id()));
        } catch (ProblemException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(listView(auth, errors(e), form));
        }
    }

    @Post("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> importPlan(CompletedFileUpload document, Authentication auth) {
        try {
            JsonNode tree;
            try {
                tree = json.readValue(document.getBytes(), JsonNode.class);
            } catch (IOException | RuntimeException e) {
                throw InvalidInput.field("document", "filen er ikke et gyldigt JSON-dokument");
            }
            Plan plan = plans.importDocument(tree, CurrentUser.of(auth));
            return HttpResponse.seeOther(URI.create("/plans/" + plan.id()));
        } catch (ProblemException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(listView(auth, errors(e), Map.of()));
        }
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public ModelAndView<Map<String, Object>> show(@PathVariable UUID id, Authentication auth) {
        return planView(id, CurrentUser.of(auth), Map.of());
    }

    @Post("/{id}/indsend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> submit(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            plans.submit(id, version(form), user);
            return HttpResponse.seeOther(URI.create("/plans/" + id));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(planView(id, user, errors(e)));
        }
    }

    @Post("/{id}/traek-tilbage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> withdraw(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            plans.withdraw(id, version(form), form.get("reason"), user);
            return HttpResponse.seeOther(URI.create("/plans/" + id));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(planView(id, user, errors(e)));
        }
    }

    @Post("/{id}/videreforer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> rollOver(@PathVariable UUID id, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            Plan plan = plans.rollOver(id, user);
            return HttpResponse.seeOther(URI.create("/plans/" + plan.id()));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(planView(id, user, errors(e)));
        }
    }

    @Get("/{id}/revisioner")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> revisions(@PathVariable UUID id, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("plan", plans.get(id, user));
        List<PlanService.RevisionInfo> revisions = plans.revisions(id, user);
        model.put("revisions", revisions);
        // Times as a Danish reader reads them: local time, Danish month names.
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm",
                java.util.Locale.forLanguageTag("da-DK")).withZone(java.time.ZoneId.of("Europe/Copenhagen"));
        Map<Integer, String> times = new HashMap<>();
        revisions.forEach(r -> times.put(r.number(), format.format(r.createdAt())));
        model.put("times", times);
        return new ModelAndView<>("drafting/revisions", model);
    }

    /** Two revisions side by side: {@code fra} and {@code til} are revision numbers (default: the last two). */
    @Get("/{id}/sammenlign")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> compare(@PathVariable UUID id, @QueryValue @Nullable Integer fra, @QueryValue @Nullable Integer til,
                                                     Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Plan plan = plans.get(id, user);
        int to = til != null ? til : plan.currentRevision();
        int from = fra != null ? fra : Math.max(1, to - 1);
        return compareView(plans.compareRevisions(id, from, to, user), false);
    }

    @Get("/{id}/sammenlign-sidste-aar")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> compareWithLastYear(@PathVariable UUID id, Authentication auth) {
        PlanService.Comparison comparison = plans.compareWithLastApproved(id, null, CurrentUser.of(auth))
                .orElseThrow(() -> new dk.beskplan.platform.web.NotFound("Kommunen har ingen godkendt plan for en tidligere periode"));
        return compareView(comparison, true);
    }

    private ModelAndView<Map<String, Object>> compareView(PlanService.Comparison comparison, boolean lastYear) {
        Map<String, Object> model = new HashMap<>();
        model.put("plan", comparison.after().plan());
        model.put("before", comparison.before());
        model.put("after", comparison.after());
        model.put("changes", comparison.changes().changes());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (PlanComparison.ChangeKind kind : PlanComparison.ChangeKind.values()) {
            counts.put(kind.name(), comparison.changes().count(kind));
        }
        model.put("counts", counts);
        model.put("lastYear", lastYear);
        return new ModelAndView<>("drafting/compare", model);
    }

    @Get("/{id}/dokument")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public HttpResponse<String> document(@PathVariable UUID id, @QueryValue @Nullable Integer revision, Authentication auth) {
        return HttpResponse.ok(documents.html(id, revision, CurrentUser.of(auth)).html());
    }

    private ModelAndView<Map<String, Object>> listView(Authentication auth, Map<String, String> errors, Map<String, String> form) {
        CurrentUser user = CurrentUser.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("plans", plans.list(user));
        model.put("canDraft", user.hasRole(Roles.OFFICIAL));
        model.put("errors", errors);
        model.put("form", form);
        return new ModelAndView<>("drafting/plans", model);
    }

    private static final java.time.format.DateTimeFormatter DANISH_DATE =
            java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", java.util.Locale.forLanguageTag("da-DK"));

    private ModelAndView<Map<String, Object>> planView(UUID id, CurrentUser user, Map<String, String> errors) {
        PlanService.Document doc = plans.document(id, null, user);
        Map<String, Object> model = new HashMap<>();
        model.put("plan", doc.plan());
        model.put("planContent", doc.content()); // not "content": the layout fragment has a parameter of that name
        // Readers see the approved text only, not the way there.
        boolean history = !user.hasRole(Roles.READER) || user.hasRole(Roles.OFFICIAL) || user.hasRole(Roles.SECRETARY)
                || user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN);
        model.put("canSeeHistory", history);
        model.put("revisions", history ? plans.revisions(id, user) : List.of());
        model.put("hasLastYear", history && plans.lastApprovedBefore(id, user).isPresent());
        model.put("canDraft", user.hasRole(Roles.OFFICIAL));
        model.put("progress", plans.approvalProgress(id, user).orElse(null));
        model.put("danishDate", DANISH_DATE);
        model.put("errors", errors);
        return new ModelAndView<>("drafting/plan", model);
    }

    static Map<String, String> errors(ProblemException e) {
        return e.messagesByField();
    }

    private static Integer year(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1; // reported as "skal være et årstal" by the period rule
        }
    }

    private static Long version(Map<String, String> form) {
        try {
            return form.get("version") == null ? null : Long.valueOf(form.get("version"));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
