package dk.beskplan.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/**
 * Optimistic locking over the API, one way for every module: a resource's ETag is its version in quotes ("3"), and
 * a change sends the version it read back as If-Match. A stale version is the service's 409; these read the header.
 *
 * <p>If-Match may be "3", W/"3" or plain 3. Absent, blank or "*" (any version) names no version: where one is
 * required that is 428 Precondition Required. Anything else that is not a version is 400, naming the header.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The ETag of a version: {@code "3"}, quotes included. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the resource and its version as the ETag, to be sent back as If-Match. */
    public static <T> MutableHttpResponse<T> ok(T resource, long version) {
        return HttpResponse.ok(resource).header("ETag", etag(version));
    }

    /** The version If-Match names, or null where it names none. */
    public static @Nullable Long optional(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw notAVersion();
        }
    }

    /** The version If-Match names; none is 428. */
    public static long required(@Nullable String ifMatch) {
        Long version = optional(ifMatch);
        if (version == null) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "If-Match mangler",
                    "Send If-Match med den ETag, ændringen bygger på (fra GET), så ingen ændringer overskrives",
                    List.of(new ProblemException.FieldError(HEADER, "skal være den ETag, der blev læst, fx \"3\"")));
        }
        return version;
    }

    /** {@link #optional} for versions counted in an int. */
    public static @Nullable Integer optionalInt(@Nullable String ifMatch) {
        Long version = optional(ifMatch);
        return version == null ? null : toInt(version);
    }

    /** {@link #required} for versions counted in an int. */
    public static int requiredInt(@Nullable String ifMatch) {
        return toInt(required(ifMatch));
    }

    private static int toInt(long version) {
        if (version != (int) version) {
            throw notAVersion();
        }
        return (int) version;
    }

    private static InvalidInput notAVersion() {
        return InvalidInput.field(HEADER, "skal være den ETag, der blev læst, fx \"3\"");
    }
}
