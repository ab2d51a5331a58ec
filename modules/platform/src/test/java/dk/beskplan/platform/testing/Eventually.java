package dk.beskplan.platform.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition that a message flow makes true, instead of sleeping a fixed time. */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(Duration timeout, String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            MessageProbe.sleep(50);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last value: " + last);
    }
}
