package dk.beskplan.administration.web.pages;

import dk.beskplan.administration.application.RoleNames;
import dk.beskplan.administration.application.SelfService;
import dk.beskplan.platform.security.Sessions;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.Map;

/**
 * Every user's own pages: my profile and password; and, before signing in, "Glemt adgangskode?" and the page a link
 * from an invitation or reset mail opens (choose a password, or — for an expired or used link — ask for a new one).
 * Pages carrying a link's token send a Referer only to Beskplan itself (same-origin), so the token does not leak to other
 * sites; "no-referrer" would make the browser send "Origin: null" with the form, which the server refuses.
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class SelfServicePages {
    private final SelfService self;
    private final UserAccounts users;
    private final Sessions sessions;

    SelfServicePages(SelfService self, UserAccounts users, Sessions sessions) {
        this.self = self;
        this.users = users;
        this.sessions = sessions;
    }

    // ---- my profile ----

    @Get("/min-profil{?udfoert}")
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ModelAndView<Map<String, Object>> profile(@QueryValue @Nullable String udfoert, Authentication auth) {
        UserAccounts.User user = users.find(auth.getName()).orElseThrow();
        return profileView(user, profileForm(user), Map.of(), udfoert);
    }

    @Post("/min-profil")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public MutableHttpResponse<?> saveProfile(@Body Map<String, String> form, Authentication auth) {
        return PageForms.act(() -> {
            self.updateProfile(auth.getName(), new SelfService.Profile(PageForms.text(form, "displayName"), PageForms.text(form, "email"),
                    PageForms.integer(form, "version")));
            return "/min-profil?udfoert=profil";
        }, errors -> profileView(users.find(auth.getName()).orElseThrow(), form, errors, null));
    }

    @Post("/min-profil/adgangskode")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public MutableHttpResponse<?> changePassword(HttpRequest<?> request, @Body Map<String, String> form, Authentication auth) {
        UserAccounts.User user = users.find(auth.getName()).orElseThrow();
        return PageForms.act(() -> {
            self.changePassword(auth.getName(), new SelfService.PasswordChange(form.get("currentPassword"), form.get("newPassword"),
                    form.get("repeatPassword")), Sessions.current(request).map(Sessions.Session::idHash).orElse(null));
            return "/min-profil?udfoert=adgangskode";
        }, errors -> profileView(user, profileForm(user), errors, null));
    }

    /** The profile form as the user stands. */
    private static Map<String, String> profileForm(UserAccounts.User user) {
        return Map.of("displayName", user.displayName(), "email", user.email() == null ? "" : user.email(),
                "version", Integer.toString(user.version()));
    }

    private ModelAndView<Map<String, Object>> profileView(UserAccounts.User user, Map<String, String> form, Map<String, String> errors,
                                                          @Nullable String done) {
        Map<String, Object> model = new HashMap<>();
        model.put("u", user);
        model.put("municipalityName", user.municipality() == null ? null : users.municipalityName(user.municipality()));
        model.put("rolesText", RoleNames.danish(user.roles()));
        model.put("form", form);
        model.put("errors", errors);
        model.put("done", done);
        return new ModelAndView<>("administration/profile", model);
    }

    // ---- my sessions ----

    @Get("/min-profil/sessioner{?afsluttet}")
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ModelAndView<Map<String, Object>> mySessions(HttpRequest<?> request, @QueryValue @Nullable Integer afsluttet, Authentication auth) {
        Map<String, Object> model = new HashMap<>();
        model.put("sessions", sessions.list(auth.getName(), Sessions.current(request).map(Sessions.Session::idHash).orElse(null)));
        model.put("ended", afsluttet);
        model.put("max", sessions.maxPerUser());
        model.put("fmt", Times.INSTANCE);
        return new ModelAndView<>("administration/sessions", model);
    }

    @Post("/min-profil/sessioner/log-andre-ud")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public MutableHttpResponse<?> endOtherSessions(HttpRequest<?> request, Authentication auth) {
        int ended = sessions.endOthers(auth.getName(), Sessions.current(request).map(Sessions.Session::idHash).orElse(""));
        return HttpResponse.seeOther(java.net.URI.create("/min-profil/sessioner?afsluttet=" + ended));
    }

    // ---- forgotten password ----

    @Get("/glemt-adgangskode")
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public ModelAndView<Map<String, Object>> forgotForm() {
        return forgotView(false, "", Map.of());
    }

    @Post("/glemt-adgangskode")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> forgot(@Body Map<String, String> form) {
        String given = PageForms.text(form, "usernameOrEmail");
        try {
            self.requestReset(given);
            return HttpResponse.ok(forgotView(true, given, Map.of()));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(forgotView(false, given == null ? "" : given, e.messagesByField()));
        }
    }

    private static ModelAndView<Map<String, Object>> forgotView(boolean sent, String given, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("sent", sent);
        model.put("given", given);
        model.put("errors", errors);
        return new ModelAndView<>("administration/forgot", model);
    }

    // ---- the link from the mail ----

    @Get("/adgangskode/{token}")
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> linkPage(@PathVariable String token) {
        SelfService.LinkView link = self.link(token);
        HttpStatus status = "VALID".equals(link.state()) ? HttpStatus.OK : "UNKNOWN".equals(link.state()) ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
        return sameOriginReferrer(HttpResponse.status(status).body(linkView(token, link, Map.of(), false)));
    }

    @Post("/adgangskode/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> choose(@PathVariable String token, @Body Map<String, String> form) {
        try {
            self.choosePassword(token, new SelfService.ChosenPassword(form.get("password"), form.getOrDefault("repeatPassword", "")));
            return sameOriginReferrer(HttpResponse.seeOther(java.net.URI.create("/login?besked=adgangskode-gemt")));
        } catch (ProblemException e) {
            return sameOriginReferrer(HttpResponse.status(e.status()).body(linkView(token, self.link(token), e.messagesByField(), false)));
        }
    }

    @Post("/adgangskode/{token}/nyt-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> renew(@PathVariable String token) {
        self.renew(token);
        return sameOriginReferrer(HttpResponse.ok(linkView(token, self.link(token), Map.of(), true)));
    }

    private static ModelAndView<Map<String, Object>> linkView(String token, SelfService.LinkView link, Map<String, String> errors,
                                                              boolean renewed) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("link", link);
        model.put("refusal", SelfService.refusal(link.state()));
        model.put("errors", errors);
        model.put("renewed", renewed);
        return new ModelAndView<>("administration/choose-password", model);
    }

    private static MutableHttpResponse<?> sameOriginReferrer(MutableHttpResponse<?> response) {
        return response.header("Referrer-Policy", "same-origin").header("Cache-Control", "no-store");
    }
}
