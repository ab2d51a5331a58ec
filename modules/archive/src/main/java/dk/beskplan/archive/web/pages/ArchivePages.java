package dk.beskplan.archive.web.pages;

import dk.beskplan.archive.web.api.ArchiveController;
import dk.beskplan.archive.application.ArchivalPackage;
import dk.beskplan.archive.application.Archive;
import dk.beskplan.archive.application.ArchiveSearch;
import dk.beskplan.archive.application.DocumentRendering;
import dk.beskplan.archive.application.Verification;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The archive's Danish pages: the municipality's plans and search, a plan's timeline with its documents as they
 * were, the plan as it stood on a date, verification and the archival package. The same as the API under
 * /api/archive.
 */
@Controller("/arkiv")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ArchivePages {
    private static final Formats FORMATS = new Formats();
    private final Archive archive;
    private final ArchiveSearch searching;
    private final ArchivalPackage packages;
    private final Verification verification;
    private final DocumentRendering rendering;

    public ArchivePages(Archive archive, ArchiveSearch searching, ArchivalPackage packages, Verification verification,
                        DocumentRendering rendering) {
        this.archive = archive;
        this.searching = searching;
        this.packages = packages;
        this.verification = verification;
        this.rendering = rendering;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public ModelAndView<Map<String, Object>> plans(Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Map<String, Object> model = model(user);
        model.put("plans", archive.plans(user));
        return new ModelAndView<>("archive/plans", model);
    }

    @Get("/soeg{?q,aar}")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public HttpResponse<ModelAndView<Map<String, Object>>> search(@QueryValue @Nullable String q, @QueryValue @Nullable String aar,
                                                                  Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Map<String, Object> model = model(user);
        model.put("q", q == null ? "" : q);
        model.put("aar", aar == null ? "" : aar);
        try {
            Integer year = aar == null || aar.isBlank() ? null : parseYear(aar);
            model.put("hits", searching.search(q, year, user));
            return HttpResponse.ok(new ModelAndView<>("archive/search", model));
        } catch (ProblemException e) {
            Map<String, String> errors = new HashMap<>();
            e.errors().forEach(f -> errors.put(f.field(), f.message()));
            model.put("errors", errors);
            model.put("hits", List.of());
            return HttpResponse.<ModelAndView<Map<String, Object>>>status(e.status()).body(new ModelAndView<>("archive/search", model));
        }
    }

    private static Integer parseYear(String aar) {
        try {
            int year = Integer.parseInt(aar.strip());
            if (year < 1900 || year > 2200) {
                throw new NumberFormatException();
            }
            return year;
        } catch (NumberFormatException e) {
            throw dk.beskplan.platform.web.InvalidInput.field("aar", "skriv et årstal, fx 2025");
        }
    }

    /** The administrative acts as archived; the system administrator can verify the whole archive's chain here. */
    @Get("/administration{?kontrol}")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.ADMIN, Roles.LOCAL_ADMIN})
    public ModelAndView<Map<String, Object>> administration(@QueryValue @Nullable String kontrol, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Map<String, Object> model = model(user);
        model.put("timeline", archive.administration(user, 1000));
        boolean systemAdmin = user.municipality() == null && user.hasRole(Roles.ADMIN);
        model.put("canVerify", systemAdmin);
        if (kontrol != null && systemAdmin) {
            model.put("verification", verification.verify(null));
        }
        return new ModelAndView<>("archive/administration", model);
    }

    @Get("/planer/{planId}{?kontrol}")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> timeline(@PathVariable UUID planId, @QueryValue @Nullable String kontrol,
                                                      Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Map<String, Object> model = model(user);
        List<Archive.TimelineEntry> timeline = archive.timeline(planId, user);
        model.put("planId", planId);
        model.put("plan", archive.plans(user).stream().filter(p -> p.planId().equals(planId)).findFirst().orElse(null));
        model.put("timeline", timeline);
        model.put("today", LocalDate.now(Archive.DANISH_TIME).toString());
        if (kontrol != null) {
            model.put("verification", verification.verify(planId));
        }
        return new ModelAndView<>("archive/timeline", model);
    }

    @Get("/planer/{planId}/status{?dato}")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    public HttpResponse<ModelAndView<Map<String, Object>>> asOf(@PathVariable UUID planId, @QueryValue @Nullable String dato,
                                                                Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Map<String, Object> model = model(user);
        model.put("planId", planId);
        model.put("dato", dato == null ? "" : dato);
        try {
            LocalDate date = ArchiveController.date(dato);
            model.put("dato", date.toString());
            model.put("datoText", FORMATS.day(date));
            model.put("standing", archive.asOf(planId, date, user));
            return HttpResponse.ok(new ModelAndView<>("archive/as-of", model));
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            archive.checkAccess(planId, user);
            model.put("errors", Map.of("dato", e.errors().get(0).message()));
            return HttpResponse.<ModelAndView<Map<String, Object>>>status(e.status()).body(new ModelAndView<>("archive/as-of", model));
        }
    }

    @Get(value = "/planer/{planId}/pakke", produces = "application/zip")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    public HttpResponse<byte[]> archivalPackage(@PathVariable UUID planId, Authentication auth) {
        return ArchiveController.packageDownload(planId, packages.build(planId, CurrentUser.of(auth)));
    }

    @Get("/dokumenter/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public HttpResponse<?> document(@PathVariable long id, Authentication auth) {
        Archive.ArchivedDocument doc = archive.document(id, CurrentUser.of(auth));
        if (doc.isPdf()) {
            return HttpResponse.seeOther(java.net.URI.create("/arkiv/dokumenter/" + id + "/pdf"));
        }
        // The archived HTML is shown as it was, but may not run anything or load anything.
        return HttpResponse.ok(rendering.html(doc)).contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }

    @Get(value = "/dokumenter/{id}/pdf", produces = "application/pdf")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    public HttpResponse<byte[]> pdf(@PathVariable long id, Authentication auth) {
        return ArchiveController.pdfInline(id, rendering.pdf(archive.document(id, CurrentUser.of(auth))));
    }

    private static Map<String, Object> model(CurrentUser user) {
        Map<String, Object> model = new HashMap<>();
        model.put("fmt", FORMATS);
        model.put("reader", user.hasRole(Roles.READER) && user.roles().size() == 1);
        model.put("errors", Map.of());
        return model;
    }
}
