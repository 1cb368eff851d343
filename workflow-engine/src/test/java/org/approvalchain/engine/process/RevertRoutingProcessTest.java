package org.approvalchain.engine.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A contract revert routed by the binding's {@code revertErrorCode} to an error boundary event. No
 * reference model binds one yet (their reverts fail the step, see {@link
 * BusinessRegistrationProcessTest}), so this runs the test model {@code revert-routing} from this
 * module's test resources. The contract step is stood in for ({@link ScriptedContractStep}) because
 * the subject here is the model's routing; the contracts are tested against their real bytecode
 * elsewhere.
 */
@Deployment(resources = "processes/revert-routing.bpmn")
class RevertRoutingProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    @RegisterExtension
    final ScriptedContractStep contracts = new ScriptedContractStep();

    final Applicant applicant = new Applicant(InMemoryEngine.ENGINE);

    @Test
    void routesARevertToTheErrorBoundaryWithItsReason() {
        contracts.revert("Activity_RevokeDocument", "document not anchored");
        ProcessInstance kase = applicant.starts("revert-routing", Map.of("documentHash", "0x01"));
        assertThat(kase).isWaitingAt("Activity_RevokeDocument");

        execute(job("Activity_RevokeDocument"));

        assertThat(kase).isEnded().hasPassed("Event_NotRevocable", "EndEvent_Refused").hasNotPassed("EndEvent_Revoked")
                .variables().containsEntry("revertReason", "document not anchored");
    }

    @Test
    void endsRevokedWhenTheContractDoesNotRevert() {
        ProcessInstance kase = applicant.starts("revert-routing", Map.of("documentHash", "0x01"));
        assertThat(kase).isWaitingAt("Activity_RevokeDocument");

        execute(job("Activity_RevokeDocument"));

        assertThat(kase).isEnded().hasPassed("EndEvent_Revoked").hasNotPassed("Event_NotRevocable");
    }
}
