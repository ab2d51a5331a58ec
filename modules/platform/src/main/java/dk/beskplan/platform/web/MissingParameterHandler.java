package dk.beskplan.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

/**
 * A required parameter left out of the address (or a body left out): 400 naming it, in Danish, instead of Micronaut's
 * "Required QueryValue [from] not specified".
 */
@Produces
@Singleton
@Replaces(UnsatisfiedRouteHandler.class)
public class MissingParameterHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException exception) {
        boolean body = exception.getArgument().getAnnotationMetadata().hasAnnotation(Body.class);
        return Problems.response(request, body ? InvalidInput.field("body", "mangler")
                : InvalidInput.field(exception.getArgument().getName(), "skal angives"));
    }
}
