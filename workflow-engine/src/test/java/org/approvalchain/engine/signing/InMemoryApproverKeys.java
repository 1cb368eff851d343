package org.approvalchain.engine.signing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The registry port backed by a map, for tests; production uses the JDBC adapter. */
final class InMemoryApproverKeys implements ApproverKeys {

    private final Map<String, ApproverKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<ApproverKey> find(String userId) {
        return Optional.ofNullable(keys.get(userId));
    }

    @Override
    public void register(String userId, ApproverKey key, String registeredBy) {
        keys.put(userId, key);
    }
}
