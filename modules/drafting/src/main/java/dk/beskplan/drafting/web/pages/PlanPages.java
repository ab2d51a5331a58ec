package dk.beskplan.drafting.web.pages;

import dk.beskplan.drafting.domain.PlanWarnings;
import dk.beskplan.drafting.application.Comparisons;
import dk.beskplan.drafting.application.PlanDocuments;
import dk.beskplan.drafting.application.PlanService;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.drafting.domain.PlanComparison;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.text.DanishFormats;
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
import java.util.function.Supplier;

/**
 * Pages for officials (Danish, server-rendered): the municipality's plans, a new draft, one plan with
 * what can be done with it, and the plan as a document. Each action is also an API endpoint.
 */
@Controller("/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class PlanPages {
    private final PlanService plans;
    private final Comparisons comparisons;
    private final PlanDocuments documents;
    private final JsonMapper json;
    private final FieldNames fieldNames;

    public PlanPages(PlanService plans, Comparisons comparisons, PlanDocuments documents, JsonMapper json,
                     FieldNames fieldNames) {
        this.plans = plans;
        this.comparisons = comparisons;
        this.documents = documents;
        this.json = json;
        this.fieldNames = fieldNames;
    }

    @Get
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public ModelAndView<Map<String, Object>> list(Authentication auth) {
        return listView(auth, Map.of(), Map.of(), Map.of());
    }

    @Post
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> create(@Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            Plan plan = plans.create(new PlanService.NewPlan(user.municipality(), year(form.get("fromYear")), year(form.get("toYear")),
                    form.get("title"), form.get("committeeName")), user);
            return HttpResponse.seeOther(URI.create("/plans/" + plan.id()));
        } catch (ProblemException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(listView(auth, errors(e), form, Map.of()));
        }
    }

    /**
     * The import form's own address, opened by hand or from the history after a refused import: the plans page with
     * the form, instead of "/plans/{id}" refusing "import" as an id.
     */
    @Get("/import")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public MutableHttpResponse<?> importForm() {
        return HttpResponse.seeOther(URI.create("/plans#document"));
    }

    @Post("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> importPlan(@Nullable CompletedFileUpload document, Authentication auth) {
        try {
            if (document == null || (document.getSize() == 0 && (document.getFilename() == null || document.getFilename().isBlank()))) {
                throw InvalidInput.field("document", "vælg filen med plandokumentet, før du importerer");
            }
            JsonNode tree;
            try {
                tree = json.readValue(document.getBytes(), JsonNode.class);
            } catch (IOException | RuntimeException e) {
                throw InvalidInput.field("document", "filen er ikke et gyldigt JSON-dokument");
            }
            Plan plan = plans.importDocument(tree, CurrentUser.of(auth));
            return HttpResponse.seeOther(URI.create("/plans/" + plan.id()));
        } catch (ProblemException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(listView(auth, Map.of(), Map.of(), errors(e)));
        }
    }

    @Get("/{id}")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public ModelAndView<Map<String, Object>> show(@PathVariable UUID id, Authentication auth) {
        return planView(id, CurrentUser.of(auth), Map.of());
    }

    @Post("/{id}/indsend")
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> submit(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return thenShowPlan(id, user, () -> plans.submit(id, version(form), user).id());
    }

    @Post("/{id}/traek-tilbage")
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> withdraw(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return thenShowPlan(id, user, () -> plans.withdraw(id, version(form), form.get("reason"), user).id());
    }

    @Post("/{id}/videreforer")
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> rollOver(@PathVariable UUID id, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return thenShowPlan(id, user, () -> plans.rollOver(id, user).id());
    }

    /**
     * Does what a button on plan {@code id}'s page asks and shows the plan it names (the same plan, or a new one), or
     * the page again with the refusal.
     */
    private MutableHttpResponse<?> thenShowPlan(UUID id, CurrentUser user, Supplier<UUID> action) {
        try {
            return HttpResponse.seeOther(URI.create("/plans/" + action.get()));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(planView(id, user, errors(e)));
        }
    }

    @Get("/{id}/revisioner")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> revisions(@PathVariable UUID id, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("plan", plans.get(id, user));
        List<PlanService.RevisionInfo> revisions = plans.revisions(id, user);
        model.put("revisions", revisions);
        // Times as a Danish reader reads them: local time, Danish month names.
        Map<Integer, String> times = new HashMap<>();
        revisions.forEach(r -> times.put(r.number(), DanishFormats.dateTime(r.createdAt())));
        model.put("times", times);
        return new ModelAndView<>("drafting/revisions", model);
    }

    /** Two revisions side by side: {@code fra} and {@code til} are revision numbers (default: the last two). */
    @Get("/{id}/sammenlign")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> compare(@PathVariable UUID id, @QueryValue @Nullable Integer fra, @QueryValue @Nullable Integer til,
                                                     Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Plan plan = plans.get(id, user);
        int to = til != null ? til : plan.currentRevision();
        int from = fra != null ? fra : Math.max(1, to - 1);
        return compareView(comparisons.compareRevisions(id, from, to, user), false);
    }

    @Get("/{id}/sammenlign-sidste-aar")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> compareWithLastYear(@PathVariable UUID id, Authentication auth) {
        Comparisons.Comparison comparison = comparisons.compareWithLastApproved(id, null, CurrentUser.of(auth))
                .orElseThrow(() -> new dk.beskplan.platform.web.NotFound("Kommunen har ingen godkendt plan for en tidligere periode"));
        return compareView(comparison, true);
    }

    private ModelAndView<Map<String, Object>> compareView(Comparisons.Comparison comparison, boolean lastYear) {
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
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public HttpResponse<String> document(@PathVariable UUID id, @QueryValue @Nullable Integer revision, Authentication auth) {
        return HttpResponse.ok(documents.html(id, revision, CurrentUser.of(auth)).html());
    }

    /**
     * The list with the new-draft form ({@code errors} are its fields') and the import form ({@code importErrors} are
     * the imported document's, by their paths in it: each is shown under the file field, named as a person reads it).
     */
    private ModelAndView<Map<String, Object>> listView(Authentication auth, Map<String, String> errors, Map<String, String> form,
                                                       Map<String, String> importErrors) {
        CurrentUser user = CurrentUser.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("plans", plans.list(user));
        model.put("canDraft", user.hasRole(Roles.OFFICIAL));
        model.put("errors", errors);
        model.put("form", form);
        model.put("importErrors", importErrors);
        Map<String, String> places = new HashMap<>();
        importErrors.keySet().forEach(path -> places.put(path, fieldNames.documentPlace(path)));
        model.put("importPlaces", places);
        return new ModelAndView<>("drafting/plans", model);
    }

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
        // Shown above the submit button of a draft: what to look at first (none of it stops the submission).
        boolean draft = user.hasRole(Roles.OFFICIAL) && doc.plan().state() == dk.beskplan.drafting.domain.PlanState.DRAFT;
        var warnings = draft ? plans.warnings(id, user) : List.<PlanWarnings.Warning>of();
        model.put("warnings", warnings);
        // Each warning's place named as a person reads it ("Mål 3 › Succeskriterier"), not by its path in the JSON.
        Map<String, String> places = new HashMap<>();
        warnings.forEach(w -> places.put(w.path(), fieldNames.describe(w.path())));
        model.put("warningPlaces", places);
        model.put("danishDate", DanishFormats.DATE);
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
