package dk.beskplan.platform.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/** The start page after login: the menu of what the user's roles allow. */
@Controller
@Hidden
public class HomeController {
    @Get("/")
    @Produces(MediaType.TEXT_HTML)
    @View("platform/home")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Map<String, Object> home() {
        return Map.of();
    }
}
