package org.seqengine.enrollment.query;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread or instance makes true, never longer than a bound. */
public final class BoundedPoll {

    private BoundedPoll() {}

    /**
     * Checks {@code done} every {@code interval} until it holds or {@code timeout} has passed.
     *
     * @return whether it held in time (false also when interrupted; the interrupt flag is kept)
     */
    public static boolean until(Duration timeout, Duration interval, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (done.getAsBoolean()) return true;
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
