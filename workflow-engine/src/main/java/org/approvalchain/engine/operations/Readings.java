package org.approvalchain.engine.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * One metric read from stored figures whose tags come from the data (a process, a group, a
 * contract): each tag set gets its meter when it is first read, and its value on every read. A
 * gauge's tag set that is no longer read falls to 0; a counter never goes down (the stored counts
 * only grow; a read that races the engine's own metrics report keeps the higher value).
 */
final class Readings {

    enum Kind { GAUGE, COUNTER }

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Kind kind;
    private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();

    Readings(MeterRegistry registry, String name, String description, Kind kind) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.kind = kind;
    }

    void read(Map<Tags, Long> now) {
        if (kind == Kind.GAUGE) {
            values.forEach((tags, value) -> {
                if (!now.containsKey(tags)) {
                    value.set(0);
                }
            });
        }
        now.forEach((tags, value) -> values.computeIfAbsent(tags, this::register)
                .accumulateAndGet(value, kind == Kind.COUNTER ? Math::max : (before, after) -> after));
    }

    void read(long value) {
        read(Map.of(Tags.empty(), value));
    }

    private AtomicLong register(Tags tags) {
        AtomicLong value = new AtomicLong();
        if (kind == Kind.GAUGE) {
            Gauge.builder(name, value, AtomicLong::get).description(description).tags(tags).register(registry);
        } else {
            FunctionCounter.builder(name, value, AtomicLong::get).description(description).tags(tags).register(registry);
        }
        return value;
    }
}
