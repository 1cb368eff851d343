package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * A time limit in a process test, on the engine's clock: fixed when the case starts, so that a
 * timer must fall due exactly when the test says; then moved to the due date and the timer run,
 * as the job executor would. The engine extension resets the clock after each test.
 */
final class TimeLimit {

    private final Instant start;

    private TimeLimit(Instant start) {
        this.start = start;
    }

    /** Fixes the engine's clock at {@code instant} (ISO-8601, e.g. 2026-09-29T02:00:00Z). */
    static TimeLimit startingAt(String instant) {
        Instant start = Instant.parse(instant);
        ClockUtil.setCurrentTime(Date.from(start));
        return new TimeLimit(start);
    }

    /** When the clock was fixed. */
    Instant start() {
        return start;
    }

    /**
     * Checks that the timer of {@code timerEventId} (of the last asserted case) falls due at {@code
     * due}, then lets that time pass and runs it.
     */
    void passes(String timerEventId, Instant due) {
        Job timer = job(timerEventId);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(due));
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }
}
