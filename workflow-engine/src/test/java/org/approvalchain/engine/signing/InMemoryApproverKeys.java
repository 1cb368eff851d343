package org.approvalchain.engine.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The key port backed by a map of validity periods, for tests; the engine answers it from the chain. */
final class InMemoryApproverKeys implements ApproverKeys {

    private record Period(ApproverKey key, Instant from, Instant until) {
    }

    private final Map<String, List<Period>> keys = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    /** Registers the key as valid since 1970, for good. */
    void register(String userId, ApproverKey key) {
        register(userId, key, Instant.EPOCH);
    }

    /** Registers the key as valid from {@code from}: the previous key ends then, as a rotation on chain does. */
    void register(String userId, ApproverKey key, Instant from) {
        List<Period> periods = keys.computeIfAbsent(userId, any -> new ArrayList<>());
        if (!periods.isEmpty()) {
            Period last = periods.remove(periods.size() - 1);
            periods.add(new Period(last.key(), last.from(), from));
        }
        periods.add(new Period(key, from, null));
    }

    /** How often a history has been read. */
    int reads() {
        return reads.get();
    }

    @Override
    public KeyHistory history(String userId) {
        reads.incrementAndGet();
        List<Period> periods = List.copyOf(keys.getOrDefault(userId, List.of()));
        return time -> periods.stream().filter(p -> !time.isBefore(p.from()) && (p.until() == null || time.isBefore(p.until())))
                .map(Period::key).findFirst();
    }
}
