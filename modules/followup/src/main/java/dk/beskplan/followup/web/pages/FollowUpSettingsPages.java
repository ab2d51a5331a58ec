package dk.beskplan.followup.web.pages;

import dk.beskplan.followup.application.Settings;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.Map;

/** The municipality's follow-up settings: due dates, the mid-year round, escalation and the default manager. */
@Controller("/followup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class FollowUpSettingsPages {
    private final Settings settings;
    private final UserAccounts users;

    public FollowUpSettingsPages(Settings settings, UserAccounts users) {
        this.settings = settings;
        this.users = users;
    }

    @Get("/indstillinger")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.MANAGER})
    public ModelAndView<Map<String, Object>> settings(@QueryValue @Nullable String udfoert, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Settings.View view = settings.of(user.municipality());
        Map<String, String> form = new HashMap<>();
        form.put("annualDue", view.annualDue());
        form.put("midYear", Boolean.toString(view.midYear()));
        form.put("midYearDue", view.midYearDue());
        form.put("escalationName", view.escalationName() == null ? "" : view.escalationName());
        form.put("escalationEmail", view.escalationEmail() == null ? "" : view.escalationEmail());
        form.put("defaultManager", view.defaultManager() == null ? "" : view.defaultManager());
        form.put("version", Integer.toString(view.version()));
        return settingsView(user, form, Map.of(), udfoert);
    }

    @Post("/indstillinger")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> saveSettings(@Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return PageForms.act(() -> {
            settings.update(new Settings.Update(PageForms.text(form, "annualDue"), "true".equals(form.get("midYear")),
                    PageForms.text(form, "midYearDue"), PageForms.text(form, "escalationName"), PageForms.text(form, "escalationEmail"),
                    PageForms.text(form, "defaultManager"), FollowUpForms.integer(form, "version")), user);
            return "/followup/indstillinger?udfoert=gemt";
        }, errors -> settingsView(user, form, errors, null));
    }

    private ModelAndView<Map<String, Object>> settingsView(CurrentUser user, Map<String, String> form, Map<String, String> errors,
                                                           @Nullable String done) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("done", done);
        model.put("managers", users.withRole(user.municipality(), Roles.MANAGER));
        model.put("canEdit", user.hasRole(Roles.OFFICIAL));
        return new ModelAndView<>("followup/settings", model);
    }
}
