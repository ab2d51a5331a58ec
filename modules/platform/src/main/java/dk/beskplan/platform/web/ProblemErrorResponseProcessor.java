package dk.beskplan.platform.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Makes every error Micronaut itself produces (unreadable JSON, wrong types, unknown routes, wrong method,
 * 500s) a problem+json document, with the offending field where Micronaut knows it.
 */
@Singleton
@Primary
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<ProblemException.FieldError> errors = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new ProblemException.FieldError(e.getPath().get(), e.getMessage()))
                .toList();
        // Never echo internals of a server error to the client; the log has them.
        // Micronaut's own texts are English ("Page Not Found"); the common ones get a Danish sentence.
        String detail = status.getCode() >= 500 ? "Der opstod en uventet fejl"
                : errors.isEmpty() && DANISH_DETAIL.containsKey(status.getCode()) ? DANISH_DETAIL.get(status.getCode())
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        return response.body(Problems.body(status, title(status), detail, context.getRequest().getPath(), errors))
                .contentType(Problems.PROBLEM_JSON);
    }

    private static final Map<Integer, String> DANISH_DETAIL = Map.of(
            404, "Siden eller det, du bad om, findes ikke.",
            405, "Adressen kan ikke bruges på den måde (forkert HTTP-metode).",
            406, "Svaret kan ikke gives i det format, der blev bedt om (Accept).",
            413, "Forespørgslen er for stor. En fil må højst fylde 10 MB.",
            415, "Indholdstypen (Content-Type) kan ikke læses her.");

    private static String title(HttpStatus status) {
        return switch (status.getCode()) {
            case 400 -> "Ugyldig forespørgsel";
            case 401 -> "Ikke logget ind";
            case 403 -> "Ingen adgang";
            case 404 -> "Findes ikke";
            case 405 -> "Metoden er ikke tilladt";
            case 406 -> "Formatet kan ikke leveres";
            case 409 -> "Konflikt";
            case 413 -> "Forespørgslen er for stor";
            case 415 -> "Indholdstypen understøttes ikke";
            case 500 -> "Uventet fejl";
            default -> status.getReason();
        };
    }
}
