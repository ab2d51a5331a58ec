package dk.beskplan.platform.domain;

import java.util.function.Function;

/**
 * What a domain policy returns: the accepted outcome, or a rejection with the reason in the users'
 * language. Plain Java, so domain packages stay free of framework types.
 */
public sealed interface Result<T> {

    record Accepted<T>(T value) implements Result<T> {
    }

    record Rejected<T>(String reason) implements Result<T> {
    }

    static <T> Result<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Result<T> rejected(String reason) {
        return new Rejected<>(reason);
    }

    /** The accepted value, or the rejection turned into the caller's exception. */
    default T orElseThrow(Function<String, ? extends RuntimeException> onRejection) {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        throw onRejection.apply(((Rejected<T>) this).reason());
    }
}
