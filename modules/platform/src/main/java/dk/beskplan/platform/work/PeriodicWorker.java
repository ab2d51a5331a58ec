package dk.beskplan.platform.work;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A pass of background work repeated on one daemon thread until the application stops: run the pass, then wait
 * for the interval or until woken. A failed pass is logged and the next one tries again, so the work must be safe
 * to repeat (it claims what it does in the database). Used by the mail sender and follow-up's reminders; each
 * module's outbox relay has a loop of its own, tied to the broker connection.
 */
public final class PeriodicWorker {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicWorker.class);

    private final String name;
    private final Duration interval;
    private final Runnable pass;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public PeriodicWorker(String name, Duration interval, Runnable pass) {
        this.name = name;
        this.interval = interval;
        this.pass = pass;
    }

    /** Starts the thread once; later calls do nothing. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the next pass now instead of after the interval. */
    public void wake() {
        signal.release();
    }

    /** False once stopping: a long pass checks it between pieces of work. */
    public boolean running() {
        return running;
    }

    /** Lets the pass under way finish (waiting at most {@code wait}) and runs no further one. */
    public synchronized void stop(Duration wait) throws InterruptedException {
        running = false;
        if (thread != null) {
            signal.release();
            thread.join(wait.toMillis());
        }
    }

    private void loop() {
        while (running) {
            try {
                pass.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: {}", name, e.toString());
            }
            try {
                signal.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
