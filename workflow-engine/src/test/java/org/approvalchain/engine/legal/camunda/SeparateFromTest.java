package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.approvalchain.engine.legal.Finding;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** A four-eyes rule holds only when it is on a user task and names other user tasks of its process. */
class SeparateFromTest {

    @Test
    void acceptsADecisionKeptFromTheSignersOfAnotherUserTask() {
        assertThat(SeparateFrom.findings(model("userTask", "Activity_Officer"))).isEmpty();
    }

    @Test
    void refusesAMisspeltOrForeignStepSayingWhich() {
        assertThat(SeparateFrom.findings(model("userTask", "Activity_Oficer"))).extracting(Finding::rule, Finding::message)
                .singleElement().asString().contains("LEGAL-013", "'Activity_Oficer'");
        assertThat(SeparateFrom.findings(model("userTask", "Activity_Officer, Activity_Check"))).extracting(Finding::message)
                .singleElement().asString().contains("'Activity_Check', which is no other user task");
        assertThat(SeparateFrom.findings(model("userTask", "Activity_Head"))).hasSize(1);
        assertThat(SeparateFrom.findings(model("serviceTask", "Activity_Officer"))).extracting(Finding::message)
                .singleElement().asString().contains("only a signed decision");
    }

    /** An officer's user task, a service task, and a step of {@code type} kept from the signers of {@code names}. */
    private static BpmnModelInstance model(String type, String names) {
        String xml = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="t">
                  <process id="p" isExecutable="true">
                    <userTask id="Activity_Officer" />
                    <serviceTask id="Activity_Check" camunda:expression="${true}" />
                    <%s id="Activity_Head">
                      <extensionElements><camunda:properties>
                        <camunda:property name="separateFrom" value="%s" />
                      </camunda:properties></extensionElements>
                    </%s>
                  </process>
                </definitions>""".formatted(type, names, type);
        return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
