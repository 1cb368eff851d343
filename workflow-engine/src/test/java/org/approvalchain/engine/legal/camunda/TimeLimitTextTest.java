package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.approvalchain.engine.legal.Finding;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A timer's duration is one the engine can count: calendar time in ISO-8601, or working days. */
class TimeLimitTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"P60D", "PT12H", "P1Y2M", "3 working days", "1 working day", "20个工作日"})
    void acceptsCalendarTimeAndWorkingDays(String duration) {
        assertThat(TimeLimitText.findings(timerOf(duration))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3 days", "three working days", "0 working days", "P3", ""})
    void refusesADurationTheEngineCannotCountNamingTheTimer(String duration) {
        List<Finding> findings = TimeLimitText.findings(timerOf(duration));

        assertThat(findings).extracting(Finding::rule).containsExactly("LEGAL-011");
        assertThat(findings.get(0).describe()).contains("process 'p'", "element 'Event_TimeLimit'", "'" + duration + "'");
    }

    @Test
    void leavesAnExpressionToTheCodeRule() {
        assertThat(TimeLimitText.findings(timerOf("${limit}"))).isEmpty();
    }

    private static BpmnModelInstance timerOf(String duration) {
        return Bpmn.createExecutableProcess("p").startEvent().userTask("Activity_Review")
                .boundaryEvent("Event_TimeLimit").timerWithDuration(duration).endEvent().done();
    }
}
