package dk.beskplan.platform.web;

import io.micronaut.core.annotation.Nullable;

/**
 * A domain policy's refusal as the API and the pages answer it, routed by the field it names: a refusal of one
 * input is 400 with that field in the problem's {@code errors} (the pages show it at that field); a refusal of the
 * request as a whole, or of the state of things, is 409. Used as {@code result.orElseRefuse(Refusals::of)}.
 */
public final class Refusals {
    private Refusals() {
    }

    public static ProblemException of(@Nullable String field, String reason) {
        return field == null ? new Conflict(reason) : InvalidInput.field(field, reason);
    }
}
