package org.approvalchain.engine.process;

import java.util.function.Supplier;

/**
 * Marks the engine commands that the engine's own code sends after checking them itself, so that a
 * {@link CommandGuard} lets them through where it refuses the same command from anyone else: set on
 * the calling thread while the call runs.
 */
final class CheckedCalls {

    private final ThreadLocal<Boolean> running = ThreadLocal.withInitial(() -> false);

    /** Runs {@code call}, whose commands the caller has checked. */
    <T> T run(Supplier<T> call) {
        running.set(true);
        try {
            return call.get();
        } finally {
            running.remove();
        }
    }

    /** Whether the current thread is inside {@link #run}. */
    boolean running() {
        return running.get();
    }
}
