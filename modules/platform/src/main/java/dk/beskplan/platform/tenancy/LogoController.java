package dk.beskplan.platform.tenancy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A municipality's logo, for the page header and anyone showing the municipality (a logo is public). Served with a
 * Content-Security-Policy that forbids everything active, so even an SVG opened on its own cannot run anything.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Municipalities")
public class LogoController {
    static final String LOCKED_DOWN = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private final Municipalities municipalities;

    LogoController(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Get("/kommuner/{code}/logo")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The municipality's logo (PNG or SVG), as uploaded by its administrator")
    @ApiResponse(responseCode = "200", description = "the logo")
    @ApiResponse(responseCode = "404", description = "no such municipality, or it has no logo")
    public HttpResponse<byte[]> logo(@PathVariable String code) {
        return municipalities.logo(code)
                .<HttpResponse<byte[]>>map(logo -> HttpResponse.ok(logo.content())
                        .contentType(MediaType.of(logo.mediaType()))
                        .header("Content-Security-Policy", LOCKED_DOWN)
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Cache-Control", "public, max-age=300")
                        .header("ETag", "\"" + logo.sha256() + "\""))
                .orElseGet(HttpResponse::notFound);
    }
}
