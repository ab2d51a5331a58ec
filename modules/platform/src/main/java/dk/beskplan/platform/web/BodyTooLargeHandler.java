package dk.beskplan.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A request body (or an uploaded file) above the configured limit (micronaut.server.max-request-size,
 * micronaut.server.multipart.max-file-size; docs/security.md "Limits") is refused 413, naming the body, in Danish,
 * before it is read (a browser page shows it as a Danish error page).
 */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class BodyTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
    private final String limit;

    BodyTooLargeHandler(@Value("${micronaut.server.max-request-size:10MB}") String limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        String detail = "Forespørgslen eller filen er for stor: højst " + limit.replace("MB", " MB").replace("KB", " kB")
                + ". En plan på sine grænser fylder under 1,5 MB.";
        return Problems.response(request, new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "Forespørgslen er for stor", detail, List.of(new ProblemException.FieldError("body", detail))));
    }
}
