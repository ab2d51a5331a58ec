package dk.beskplan.administration.web.pages;

import dk.beskplan.administration.application.RoleNames;
import dk.beskplan.administration.application.SingleSignOnAdministration;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local administrator's page for the municipality's single sign-on: provider, client, secret (write-only),
 * groups claim, which group gives which role, and whether password login stays on.
 */
@Controller("/administration/kommuner/{code}/single-sign-on")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ADMIN, Roles.LOCAL_ADMIN})
public class SingleSignOnPages {
    /** Empty rows offered below the stored mappings, for new groups. */
    private static final int EMPTY_ROWS = 3;

    private final SingleSignOnAdministration singleSignOn;
    private final HttpHostResolver hosts;

    SingleSignOnPages(SingleSignOnAdministration singleSignOn, HttpHostResolver hosts) {
        this.singleSignOn = singleSignOn;
        this.hosts = hosts;
    }

    @Get("{?gemt}")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @PathVariable String code, @QueryValue @Nullable String gemt,
                                                  Authentication auth) {
        SingleSignOnAdministration.View view = singleSignOn.get(CurrentUser.of(auth), code);
        return page(request, view, formOf(view), Map.of(), gemt != null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable String code, @Body Map<String, String> form, Authentication auth) {
        CurrentUser actor = CurrentUser.of(auth);
        List<SingleSignOnAdministration.GroupRole> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("group." + i) || form.containsKey("role." + i); i++) {
            rows.add(new SingleSignOnAdministration.GroupRole(form.get("group." + i), form.get("role." + i)));
        }
        Integer version;
        try {
            version = Integer.valueOf(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            version = null;
        }
        var update = new SingleSignOnAdministration.Request(form.containsKey("enabled"), form.get("issuer"), form.get("clientId"),
                form.get("clientSecret"), form.get("groupsClaim"), rows, form.containsKey("passwordLogin"), version);
        try {
            singleSignOn.update(actor, code, update);
            return HttpResponse.seeOther(URI.create("/administration/kommuner/" + code + "/single-sign-on?gemt=1"));
        } catch (ProblemException e) {
            SingleSignOnAdministration.View stored = singleSignOn.get(actor, code);
            // What the administrator typed stays (never the secret), with each refusal next to its field.
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("enabled", update.enabled());
            typed.put("issuer", form.getOrDefault("issuer", ""));
            typed.put("clientId", form.getOrDefault("clientId", ""));
            typed.put("groupsClaim", form.getOrDefault("groupsClaim", ""));
            typed.put("passwordLogin", update.passwordLogin());
            // As submitted, so each refusal by row number ("roleMappings[2]") sits next to that row.
            typed.put("rows", rows.isEmpty() ? withEmptyRows(rows) : rows);
            typed.put("version", e.status().getCode() == 409 ? stored.version() : form.getOrDefault("version", ""));
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.putIfAbsent(fieldId(error.field()), error.message()));
            if (errors.isEmpty()) {
                errors.put("form", e.getMessage());
            }
            return HttpResponse.status(e.status()).body(page(request, stored, typed, errors, false));
        }
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, SingleSignOnAdministration.View view, Map<String, Object> form,
                                                   Map<String, String> errors, boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("sso", view);
        model.put("form", form);
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("redirectUri", hosts.resolve(request) + view.redirectPath());
        model.put("roleNames", RoleNames.DANISH);
        return new ModelAndView<>("administration/single-sign-on", model);
    }

    private static Map<String, Object> formOf(SingleSignOnAdministration.View view) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("enabled", view.enabled());
        form.put("issuer", view.issuer());
        form.put("clientId", view.clientId());
        form.put("groupsClaim", view.groupsClaim());
        form.put("passwordLogin", view.passwordLogin());
        form.put("rows", withEmptyRows(view.roleMappings()));
        form.put("version", view.version());
        return form;
    }

    private static List<SingleSignOnAdministration.GroupRole> withEmptyRows(List<SingleSignOnAdministration.GroupRole> rows) {
        List<SingleSignOnAdministration.GroupRole> all = new ArrayList<>(rows.stream()
                .filter(r -> !(blank(r.group()) && blank(r.role()))).toList());
        for (int i = 0; i < EMPTY_ROWS; i++) {
            all.add(new SingleSignOnAdministration.GroupRole("", ""));
        }
        return all;
    }

    /** The API's field names ("roleMappings[2].role") as the form's element ids ("role-2"). */
    static String fieldId(String field) {
        if (field.startsWith("roleMappings[")) {
            int close = field.indexOf(']');
            if (close > 0 && field.length() > close + 2) {
                return field.substring(close + 2) + "-" + field.substring("roleMappings[".length(), close);
            }
        }
        return field;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
