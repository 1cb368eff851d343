package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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

    @Test
    void acceptsAnExtensionDecidedByAUserTaskOfAnActivityWithATimer() {
        assertThat(TimeLimitText.findings(extension("userTask", "Activity_Review", "3 working days"))).isEmpty();
        assertThat(TimeLimitText.findings(extension("userTask", "Activity_Review", "P10D"))).isEmpty();
    }

    @Test
    void refusesAnExtensionThatCannotWorkSayingWhy() {
        assertThat(onlyFinding(extension("userTask", "Activity_Review", "3 days"))).contains("LEGAL-012", "'3 days'");
        assertThat(onlyFinding(extension("userTask", "Activity_Head", "3 working days")))
                .contains("extends 'Activity_Head', which is no activity with a time limit");
        assertThat(onlyFinding(extension("userTask", "Activity_Review", ""))).contains("needs both 'extends'");
        assertThat(onlyFinding(extension("manualTask", "Activity_Review", "3 working days")))
                .contains("only a signed decision extends a time limit");
    }

    private static String onlyFinding(BpmnModelInstance model) {
        List<Finding> findings = TimeLimitText.findings(model);
        assertThat(findings).hasSize(1);
        return findings.get(0).rule() + " " + findings.get(0).describe();
    }

    /** A review with a 3-working-day timer, and a step of {@code type} that extends {@code stage} by {@code period}. */
    private static BpmnModelInstance extension(String type, String stage, String period) {
        String xml = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="t">
                  <process id="p" isExecutable="true">
                    <userTask id="Activity_Review" />
                    <boundaryEvent id="Event_TimeLimit" attachedToRef="Activity_Review">
                      <timerEventDefinition><timeDuration>3 working days</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <%s id="Activity_Head">
                      <extensionElements><camunda:properties>
                        <camunda:property name="extends" value="%s" />
                        <camunda:property name="extension" value="%s" />
                      </camunda:properties></extensionElements>
                    </%s>
                  </process>
                </definitions>""".formatted(type, stage, period, type);
        return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static BpmnModelInstance timerOf(String duration) {
        return Bpmn.createExecutableProcess("p").startEvent().userTask("Activity_Review")
                .boundaryEvent("Event_TimeLimit").timerWithDuration(duration).endEvent().done();
    }
}
