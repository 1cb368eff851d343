package org.approvalchain.engine.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What the passwords checked on a thread came to, for whoever watches a request: the login throttle
 * learns from it whether a request's password was right, wrong or not checked at all (not every path
 * that sees credentials checks them, so the answer's status cannot tell).
 */
@Component
public class PasswordChecks {

    private final ThreadLocal<Boolean[]> watched = new ThreadLocal<>();

    /** Starts watching this thread's password checks. */
    public void watch() {
        watched.set(new Boolean[1]);
    }

    /** Records a check on this thread, if it is watched; a wrong password stays the request's outcome. */
    public void checked(boolean accepted) {
        Boolean[] outcome = watched.get();
        if (outcome != null && !Boolean.FALSE.equals(outcome[0])) {
            outcome[0] = accepted;
        }
    }

    /** Stops watching: whether a password was accepted (false if any was refused), empty when none was checked. */
    public Optional<Boolean> stop() {
        Boolean[] outcome = watched.get();
        watched.remove();
        return Optional.ofNullable(outcome == null ? null : outcome[0]);
    }
}
