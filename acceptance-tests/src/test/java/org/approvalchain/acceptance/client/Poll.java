package org.approvalchain.acceptance.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Waits, boundedly, for something the engine does asynchronously (its jobs run the contract steps). */
public final class Poll {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Poll() {
    }

    /**
     * Fetches a state until {@code found} finds what is wanted in it; after 30 s fails with
     * {@code what} and the last state fetched.
     */
    public static <S, T> T until(String what, Supplier<S> fetch, Function<S, Optional<T>> found) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            S state = fetch.get();
            Optional<T> value = found.apply(state);
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + TIMEOUT.toSeconds() + " s for " + what + "; last seen: " + state);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
