package dk.beskplan.platform.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * The accessibility statement (tilgængelighedserklæring) Danish law requires of public-sector sites: what is
 * accessible, the known exceptions, how to give feedback and how to complain. Open to everybody, without login;
 * every page's footer links to it.
 */
@Controller
@Hidden
public class AccessibilityStatementController {
    public static final String PATH = "/tilgaengelighed";

    @Get(PATH)
    @Produces(MediaType.TEXT_HTML)
    @View("platform/accessibility")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Map<String, Object> statement() {
        return Map.of();
    }
}
