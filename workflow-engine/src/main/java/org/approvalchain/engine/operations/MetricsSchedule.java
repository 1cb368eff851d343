package org.approvalchain.engine.operations;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Reads the stored figures into their meters once the engine is ready and then every {@code
 * approvalchain.operations.metrics-refresh}: a scrape reads meters, never the database. A failed
 * read is logged and tried again at the next refresh.
 */
@Component
class MetricsSchedule {

    private static final Logger log = LoggerFactory.getLogger(MetricsSchedule.class);

    private final List<FigureReader> readers;
    private final TaskScheduler scheduler;
    private final OperationsProperties properties;

    MetricsSchedule(List<FigureReader> readers, TaskScheduler scheduler, OperationsProperties properties) {
        this.readers = readers;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::readAll, properties.metricsRefresh());
    }

    private void readAll() {
        for (FigureReader reader : readers) {
            try {
                reader.read();
            } catch (RuntimeException e) {
                log.warn("OPS-001 metrics not refreshed by {}: {}", reader.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
