package dk.beskplan.platform.web;

import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.CsrfFilter;
import dk.beskplan.platform.tenancy.Municipalities;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import io.micronaut.context.annotation.Value;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every page what the layout needs: the signed-in user, the CSRF token for its forms, the menu
 * links the user's roles allow, and the user's municipality (display name, logo, contact e-mail).
 */
@Singleton
public class PageModelProcessor implements ViewModelProcessor<Map<String, Object>> {
    /** Query parameter a repeated form submission is redirected with (see RepeatedSubmissions). */
    public static final String REPEATED_PARAMETER = "gentaget";
    private final List<NavigationLink> links;
    private final Municipalities municipalities;
    private final long idleTimeoutSeconds;

    public PageModelProcessor(List<NavigationLink> links, Municipalities municipalities,
                              @Value("${beskplan.security.session.idle-timeout:30m}") Duration idleTimeout) {
        this.links = links.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
        this.municipalities = municipalities;
        this.idleTimeoutSeconds = idleTimeout.toSeconds();
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        Map<String, Object> model = new HashMap<>(view.getModel().orElse(Map.of()));
        request.getUserPrincipal(Authentication.class).ifPresent(auth -> {
            CurrentUser user = CurrentUser.of(auth);
            model.putIfAbsent("currentUser", user);
            model.putIfAbsent("displayName", auth.getAttributes().getOrDefault("displayName", user.username()));
            model.putIfAbsent("navigation", links.stream().filter(l -> l.roles().stream().anyMatch(user::hasRole)).toList());
            // The user's municipality for the header (name, logo) and the footer (contact e-mail for citizens).
            if (user.municipality() != null) {
                municipalities.find(user.municipality()).ifPresent(m -> {
                    model.putIfAbsent("currentMunicipality", m);
                    if (m.contactEmail() != null) {
                        model.putIfAbsent("municipalityContactEmail", m.contactEmail());
                    }
                });
            }
            // The page warns shortly before the session's idle time-out (beskplan.js).
            model.putIfAbsent("sessionIdleSeconds", idleTimeoutSeconds);
        });
        model.putIfAbsent("repeatedSubmission", request.getParameters().contains(REPEATED_PARAMETER));
        model.putIfAbsent("csrfToken", CsrfFilter.tokenOf(request).orElse(""));
        model.putIfAbsent("csrfField", CsrfFilter.FORM_FIELD);
        // htmx sends the token as a header on every request it makes (hx-headers on <body>).
        model.putIfAbsent("htmxHeaders", CsrfFilter.tokenOf(request)
                .map(token -> "{\"" + CsrfFilter.HEADER + "\": \"" + token + "\"}").orElse(null));
        view.setModel(model);
    }
}
