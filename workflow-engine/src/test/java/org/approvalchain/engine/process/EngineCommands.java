package org.approvalchain.engine.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Counts the commands the engine ran, by simple class name (a query is a command too), so that an
 * IT can see how often serving a request asked the engine for something. A test-only engine plugin,
 * picked up by every full-context test; it refuses nothing.
 */
@Component
public class EngineCommands extends CommandGuard {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @Override
    void before(ProcessEngineConfigurationImpl configuration, Command<?> command) {
        counts.computeIfAbsent(command.getClass().getSimpleName(), name -> new AtomicLong()).incrementAndGet();
    }

    /** How many commands of this simple class name (e.g. {@code HistoricProcessInstanceQueryImpl}) ran so far. */
    public long count(String simpleClassName) {
        AtomicLong count = counts.get(simpleClassName);
        return count == null ? 0 : count.get();
    }
}
