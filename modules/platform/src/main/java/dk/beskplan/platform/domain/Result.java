package dk.beskplan.platform.domain;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a domain policy returns: the accepted outcome, or a rejection with the reason in the users' language and,
 * when the rejection concerns one input, that input's field. Plain Java, so domain packages stay free of framework
 * types.
 */
public sealed interface Result<T> {

    record Accepted<T>(T value) implements Result<T> {
    }

    /**
     * A refusal. {@code field} names the one input it concerns, as the request and the form name it (e.g.
     * {@code protocolText}); null when it concerns the request as a whole or the state of things. Callers route the
     * refusal by the field, never by the wording of {@code reason}.
     */
    record Rejected<T>(String field, String reason) implements Result<T> {
        public Rejected {
            if (reason == null) {
                throw new IllegalArgumentException("a rejection needs a reason");
            }
        }

        /** The same refusal, as the result of another type (a policy passing on a refusal of one it asked). */
        public <U> Rejected<U> as() {
            return new Rejected<>(field, reason);
        }
    }

    static <T> Result<T> accepted(T value) {
        return new Accepted<>(value);
    }

    /** A refusal that concerns no single input: the request as a whole, or the state of things. */
    static <T> Result<T> rejected(String reason) {
        return new Rejected<>(null, reason);
    }

    /** A refusal of the value given for {@code field}. */
    static <T> Result<T> rejected(String field, String reason) {
        return new Rejected<>(field, reason);
    }

    /** The accepted value, or the rejection's reason turned into the caller's exception (the field is not used). */
    default T orElseThrow(Function<String, ? extends RuntimeException> onRejection) {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        throw onRejection.apply(((Rejected<T>) this).reason());
    }

    /**
     * The accepted value, or the rejection turned into the caller's exception from its field (null when it concerns
     * no single input) and its reason.
     */
    default T orElseRefuse(BiFunction<String, String, ? extends RuntimeException> onRejection) {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        Rejected<T> rejected = (Rejected<T>) this;
        throw onRejection.apply(rejected.field(), rejected.reason());
    }
}
