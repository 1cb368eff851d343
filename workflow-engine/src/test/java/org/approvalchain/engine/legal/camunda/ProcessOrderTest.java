package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.approvalchain.engine.legal.ProcessModel;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/** Steps in process order: along the sequence flows from the start, loops not followed back. */
class ProcessOrderTest {

    @Test
    void ordersParallelChecksFirstThenAStagesStepsThenItsTimerPathThenWhatFollowsTheDecision() {
        ProcessModel registration = LegalModels.of(model("/processes/business-registration.bpmn")).get(0);

        assertThat(registration.order()).containsExactly("Activity_CheckMaterials", "Activity_CheckName",
                "Activity_OfficerReview", "Activity_ApproveExtension", "Activity_SupervisorReview", "Activity_IssueLicence",
                "Activity_RegisterName");
        assertThat(registration.tasks()).extracting(t -> t.id()).containsExactlyInAnyOrderElementsOf(registration.order());
    }

    @Test
    void aLoopBackToAnEarlierStepDoesNotMoveIt() {
        BpmnModelInstance loop = Bpmn.createExecutableProcess("loop").startEvent("Start")
                .exclusiveGateway("Gateway_Again")
                .userTask("Activity_Second").name("Second")
                .exclusiveGateway("Gateway_Done")
                .serviceTask("Activity_Last").name("Last").endEvent()
                .moveToNode("Gateway_Done").serviceTask("Activity_Correct").name("Correct").connectTo("Gateway_Again")
                .done();

        assertThat(LegalModels.of(loop).get(0).order()).containsExactly("Activity_Second", "Activity_Last", "Activity_Correct");
    }

    @Test
    void stepsNoPathReachesComeLastInDocumentOrder() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("island").startEvent().userTask("Activity_First").endEvent()
                .done();
        ServiceTask island = model.newInstance(ServiceTask.class);
        island.setId("Activity_Island");
        model.<Process>getModelElementById("island").addChildElement(island);

        assertThat(LegalModels.of(model).get(0).order()).containsExactly("Activity_First", "Activity_Island");
    }

    private BpmnModelInstance model(String resource) {
        return Bpmn.readModelFromStream(getClass().getResourceAsStream(resource));
    }
}
