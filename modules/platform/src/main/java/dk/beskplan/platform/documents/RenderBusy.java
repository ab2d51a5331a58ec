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
 * A document could not be rendered now: every render slot is taken and the queue is full, the render took longer
 * than its time budget, or the heap had no room for it ({@link #outOfMemory()}: the document is larger than the heap
 * this instance was given allows, docs/operations.md). Answered 503 with Retry-After; nothing was changed.
 */
public class RenderBusy extends ProblemException {
    private final long retryAfterSeconds;
    private final boolean outOfMemory;

    public RenderBusy(String detail, long retryAfterSeconds) {
        this(detail, retryAfterSeconds, false);
    }

    RenderBusy(String detail, long retryAfterSeconds, boolean outOfMemory) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Prøv igen om lidt", detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
        this.outOfMemory = outOfMemory;
    }

    /** True when the heap had no room for the render: trying again helps only if other renders were using it. */
    public boolean outOfMemory() {
        return outOfMemory;
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
