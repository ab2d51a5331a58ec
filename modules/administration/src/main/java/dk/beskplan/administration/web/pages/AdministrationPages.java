package dk.beskplan.administration.web.pages;

import dk.beskplan.administration.application.Acts;
import dk.beskplan.administration.application.Logos;
import dk.beskplan.administration.application.MunicipalityAdministration;
import dk.beskplan.administration.application.RoleNames;
import dk.beskplan.administration.application.Scope;
import dk.beskplan.administration.application.UserAdministration;
import dk.beskplan.administration.domain.RoleGrants;
import dk.beskplan.platform.documents.DocumentLook;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.PageForms;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The administrators' Danish pages: the municipalities (system administrator), one municipality with its settings,
 * logo, users and history, inviting a user, one user with roles and state, and the history of acts.
 */
@Controller("/administration")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ADMIN, Roles.LOCAL_ADMIN})
public class AdministrationPages {
    private final MunicipalityAdministration municipalities;
    private final UserAdministration users;
    private final Acts acts;

    AdministrationPages(MunicipalityAdministration municipalities, UserAdministration users, Acts acts) {
        this.municipalities = municipalities;
        this.users = users;
        this.acts = acts;
    }

    // ---- municipalities ----

    /** The system administrator's catalogue; a local administrator goes straight to their municipality. */
    @Get("{?vis}")
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> start(@QueryValue @Nullable String vis, Authentication auth) {
        CurrentUser actor = CurrentUser.of(auth);
        if (!Scope.isSystemAdmin(actor)) {
            return HttpResponse.seeOther(URI.create("/administration/kommuner/" + actor.municipality()));
        }
        List<Municipalities.Municipality> all = municipalities.list(actor);
        boolean showAll = "alle".equals(vis) || all.stream().noneMatch(Municipalities.Municipality::active);
        Map<String, Object> model = new HashMap<>();
        model.put("municipalities", showAll ? all : all.stream().filter(Municipalities.Municipality::active).toList());
        model.put("showAll", showAll);
        model.put("activeCount", all.stream().filter(Municipalities.Municipality::active).count());
        model.put("totalCount", all.size());
        return HttpResponse.ok(new ModelAndView<>("administration/municipalities", model));
    }

    @Get("/kommuner/{code}{?q,udfoert}")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> municipality(@PathVariable String code, @QueryValue @Nullable String q,
                                                          @QueryValue @Nullable String udfoert, Authentication auth) {
        return municipalityView(CurrentUser.of(auth), code, q, udfoert, Map.of(), Map.of());
    }

    @Post("/kommuner/{code}/aktiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.ADMIN)
    public MutableHttpResponse<?> activate(@PathVariable String code, @Body Map<String, String> form, Authentication auth) {
        return onMunicipality(auth, code, form, "aktiveret", actor -> municipalities.activate(actor, code,
                new MunicipalityAdministration.Activation(PageForms.text(form, "localAdminName"), PageForms.text(form, "localAdminEmail"),
                        PageForms.integer(form, "version"))));
    }

    @Post("/kommuner/{code}/deaktiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.ADMIN)
    public MutableHttpResponse<?> deactivate(@PathVariable String code, @Body Map<String, String> form, Authentication auth) {
        return onMunicipality(auth, code, form, "deaktiveret",
                actor -> municipalities.deactivate(actor, code, PageForms.integer(form, "version")));
    }

    @Post("/kommuner/{code}/indstillinger")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> settings(@PathVariable String code, @Body Map<String, String> form, Authentication auth) {
        return onMunicipality(auth, code, form, "gemt", actor -> municipalities.updateSettings(actor, code,
                new MunicipalityAdministration.Settings(PageForms.text(form, "displayName"), PageForms.text(form, "contactEmail"),
                        PageForms.integer(form, "version"))));
    }

    @Post("/kommuner/{code}/udseende")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> look(@PathVariable String code, @Body Map<String, String> form, Authentication auth) {
        return onMunicipality(auth, code, form, "udseende", actor -> municipalities.updateLook(actor, code,
                new MunicipalityAdministration.Look(PageForms.text(form, "primaryColour"), PageForms.text(form, "tableHeaderColour"),
                        PageForms.text(form, "font"), PageForms.integer(form, "version"))));
    }

    /** The logo form is multipart: its CSRF token and version travel in the query (docs/architecture.md, section 7). */
    @Post(value = "/kommuner/{code}/logo{?version}", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> logo(@PathVariable String code, @QueryValue @Nullable Integer version, @Nullable CompletedFileUpload logo,
                                       Authentication auth) {
        CurrentUser actor = CurrentUser.of(auth);
        return PageForms.act(() -> {
            if (logo == null || logo.getSize() == 0) {
                throw InvalidInput.field("logo", "Vælg en fil med logoet (PNG eller SVG)");
            }
            if (logo.getSize() > Logos.MAX_BYTES) {
                throw InvalidInput.field("logo", "Logoet må højst fylde " + Logos.MAX_BYTES / 1024 + " KB");
            }
            try {
                municipalities.replaceLogo(actor, code, logo.getBytes(), version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "/administration/kommuner/" + code + "?udfoert=logo";
        }, errors -> municipalityView(actor, code, null, null, errors, Map.of()));
    }

    @Post("/kommuner/{code}/logo/fjern")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> removeLogo(@PathVariable String code, @Body Map<String, String> form, Authentication auth) {
        return onMunicipality(auth, code, form, "logo-fjernet",
                actor -> municipalities.replaceLogo(actor, code, null, PageForms.integer(form, "version")));
    }

    /**
     * Runs a municipality form's act by the signed-in user: back to the municipality saying what was done, or the page
     * with the refusal.
     */
    private MutableHttpResponse<?> onMunicipality(Authentication auth, String code, Map<String, String> form, String done,
                                                  Consumer<CurrentUser> act) {
        CurrentUser actor = CurrentUser.of(auth);
        return PageForms.act(() -> {
            act.accept(actor);
            return "/administration/kommuner/" + code + "?udfoert=" + done;
        }, errors -> municipalityView(actor, code, null, null, errors, form));
    }

    private ModelAndView<Map<String, Object>> municipalityView(CurrentUser actor, String code, @Nullable String q, @Nullable String done,
                                                               Map<String, String> errors, Map<String, String> form) {
        Municipalities.Municipality municipality = municipalities.get(actor, code);
        Map<String, Object> model = new HashMap<>();
        model.put("m", municipality);
        model.put("users", users.list(actor, code, q));
        model.put("q", q == null ? "" : q);
        model.put("history", acts.history(code, null, 50));
        model.put("systemAdmin", Scope.isSystemAdmin(actor));
        model.put("done", done);
        model.put("errors", errors);
        model.put("form", form);
        model.put("roleNames", RoleNames.DANISH);
        model.put("logoMaxKb", Logos.MAX_BYTES / 1024);
        model.put("fonts", DocumentLook.Font.values());
        model.put("defaultLook", DocumentLook.DEFAULT);
        model.put("fmt", Times.INSTANCE);
        return new ModelAndView<>("administration/municipality", model);
    }

    // ---- users ----

    @Get("/kommuner/{code}/brugere/ny")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> inviteForm(@PathVariable String code, Authentication auth) {
        return inviteView(CurrentUser.of(auth), code, Map.of(), Map.of());
    }

    @Post("/kommuner/{code}/brugere")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> invite(@PathVariable String code, @Body Map<String, String> form, Authentication auth) {
        CurrentUser actor = CurrentUser.of(auth);
        return PageForms.act(() -> {
            UserAccounts.User user = users.invite(actor, code, new UserAdministration.Invitation(PageForms.text(form, "username"),
                    PageForms.text(form, "displayName"), PageForms.text(form, "email"), Forms.roles(form)));
            return "/administration/brugere/" + encode(user.username()) + "?udfoert=inviteret";
        }, errors -> inviteView(actor, code, errors, form));
    }

    private ModelAndView<Map<String, Object>> inviteView(CurrentUser actor, String code, Map<String, String> errors, Map<String, ?> form) {
        Map<String, Object> model = new HashMap<>();
        model.put("m", municipalities.get(actor, code));
        model.put("errors", errors);
        model.put("form", Map.of("username", orEmpty(PageForms.text(form, "username")), "displayName", orEmpty(PageForms.text(form, "displayName")),
                "email", orEmpty(PageForms.text(form, "email"))));
        model.put("chosen", Forms.roles(form));
        model.put("roles", RoleGrants.MUNICIPALITY_ROLES);
        model.put("roleNames", RoleNames.DANISH);
        return new ModelAndView<>("administration/invite", model);
    }

    @Get("/brugere/{username}{?udfoert}")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> user(@PathVariable String username, @QueryValue @Nullable String udfoert, Authentication auth) {
        return userView(CurrentUser.of(auth), username, udfoert, Map.of(), null);
    }

    @Post("/brugere/{username}/roller")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> roles(@PathVariable String username, @Body Map<String, String> form, Authentication auth) {
        CurrentUser actor = CurrentUser.of(auth);
        List<String> chosen = Forms.roles(form);
        return PageForms.act(() -> {
            users.changeRoles(actor, username, new UserAdministration.RoleChange(chosen, PageForms.integer(form, "version")));
            return "/administration/brugere/" + encode(username) + "?udfoert=roller";
        }, errors -> userView(actor, username, null, errors, chosen));
    }

    @Post("/brugere/{username}/deaktiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> deactivateUser(@PathVariable String username, @Body Map<String, String> form, Authentication auth) {
        return onUser(auth, username, "deaktiveret", actor -> users.deactivate(actor, username, PageForms.integer(form, "version")));
    }

    @Post("/brugere/{username}/genaktiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> reactivateUser(@PathVariable String username, @Body Map<String, String> form, Authentication auth) {
        return onUser(auth, username, "genaktiveret", actor -> users.reactivate(actor, username, PageForms.integer(form, "version")));
    }

    @Post("/brugere/{username}/afslut-sessioner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> endSessions(@PathVariable String username, Authentication auth) {
        return onUser(auth, username, "sessioner", actor -> users.endSessions(actor, username));
    }

    @Post("/brugere/{username}/inviter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> reinvite(@PathVariable String username, Authentication auth) {
        return onUser(auth, username, "inviteret", actor -> users.reinvite(actor, username));
    }

    /** Runs a user form's act by the signed-in user: back to the user saying what was done, or the page with the refusal. */
    private MutableHttpResponse<?> onUser(Authentication auth, String username, String done, Consumer<CurrentUser> act) {
        CurrentUser actor = CurrentUser.of(auth);
        return PageForms.act(() -> {
            act.accept(actor);
            return "/administration/brugere/" + encode(username) + "?udfoert=" + done;
        }, errors -> userView(actor, username, null, errors, null));
    }

    private ModelAndView<Map<String, Object>> userView(CurrentUser actor, String username, @Nullable String done, Map<String, String> errors,
                                                       @Nullable List<String> chosen) {
        UserAccounts.User user = users.get(actor, username);
        Map<String, Object> model = new HashMap<>();
        model.put("u", user);
        model.put("municipalityName", user.municipality() == null ? null
                : user.municipality() + " " + municipalities.get(actor, user.municipality()).shownName());
        model.put("done", done);
        model.put("errors", errors);
        model.put("chosen", chosen != null ? chosen : List.copyOf(user.roles()));
        model.put("roles", RoleGrants.MUNICIPALITY_ROLES);
        model.put("roleNames", RoleNames.DANISH);
        model.put("rolesText", RoleNames.danish(user.roles()));
        model.put("self", user.username().equals(actor.username()));
        model.put("history", acts.history(null, username, 50));
        model.put("sessions", users.sessions(actor, username));
        model.put("fmt", Times.INSTANCE);
        return new ModelAndView<>("administration/user", model);
    }

    // ---- history ----

    @Get("/historik")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> history(Authentication auth) {
        CurrentUser actor = CurrentUser.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("history", acts.history(Scope.isSystemAdmin(actor) ? null : actor.municipality(), null, 500));
        model.put("fmt", Times.INSTANCE);
        return new ModelAndView<>("administration/history", model);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
