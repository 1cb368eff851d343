package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * A time limit in a process test, on the engine's clock: fixed when the case starts, so that a
 * timer must fall due exactly its duration later; then moved to the due date and the timer run,
 * as the job executor would. The engine extension resets the clock after each test.
 */
final class TimeLimit {

    private final Instant start;

    private TimeLimit(Instant start) {
        this.start = start;
    }

    /** Fixes the engine's clock at the current second. */
    static TimeLimit startingNow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(now));
        return new TimeLimit(now);
    }

    /**
     * Checks that the timer of {@code timerEventId} (of the last asserted case) falls due {@code
     * isoDuration} after the start, then lets that time pass and runs it.
     */
    void passes(String timerEventId, String isoDuration) {
        Job timer = job(timerEventId);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(start.plus(Duration.parse(isoDuration))));
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }
}
