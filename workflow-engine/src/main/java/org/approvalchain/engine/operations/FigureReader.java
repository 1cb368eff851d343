package org.approvalchain.engine.operations;

/** Reads stored figures into their meters; {@link MetricsSchedule} calls it every {@code metrics-refresh}. */
interface FigureReader {

    void read();
}
