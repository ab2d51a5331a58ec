package dk.beskplan.platform.documents;

import dk.beskplan.platform.web.ProblemException;
import dk.beskplan.platform.web.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A document could not be rendered now: every render slot is taken and the queue is full, or the render took longer
 * than its time budget. Answered 503 with Retry-After; nothing was changed.
 */
public class RenderBusy extends ProblemException {
    private final long retryAfterSeconds;

    public RenderBusy(String detail, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Prøv igen om lidt", detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 503 with Retry-After, as problem+json (a browser page shows it as a Danish error page). */
    @Produces
    @Singleton
    static class Handler implements ExceptionHandler<RenderBusy, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, RenderBusy busy) {
            return Problems.response(request, busy).header("Retry-After", Long.toString(busy.retryAfterSeconds()));
        }
    }
}
