package dk.beskplan.app;

import dk.beskplan.platform.web.ProblemException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/**
 * Test-only routes that fail with a chosen status, so the error page of every status can be looked at (and checked
 * with axe-core) even where the application has no easy way to a 409 or a 500 from a plain GET.
 */
@Controller("/test-fejl")
@Requires(env = "test")
@Secured(SecurityRule.IS_ANONYMOUS)
class FailingOnPurpose {

    @Get("/{status}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    String fail(@PathVariable int status) {
        if (status == 500) {
            throw new IllegalStateException("a bug, on purpose");
        }
        HttpStatus code = HttpStatus.valueOf(status);
        throw new ProblemException(code, switch (status) {
            case 409 -> "Konflikt";
            case 413 -> "Forespørgslen er for stor";
            case 503 -> "Prøv igen om lidt";
            default -> code.getReason();
        }, switch (status) {
            case 409 -> "Planen er ændret af en anden i mellemtiden";
            case 413 -> "Filen fylder mere end 10 MB";
            case 503 -> "Databasen kunne ikke nås lige nu.";
            default -> "Prøvefejl";
        }, List.of());
    }
}
