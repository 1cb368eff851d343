package org.approvalchain.engine.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The routing of the real {@code licence-application} model (the demo) from {@code bpmn-models}: the
 * eligibility rule, the licensing officer's review and the licence issue. The contract steps are
 * stood in for ({@link ScriptedContractStep}) because the subject here is the model's routing; the
 * contracts are tested against their real bytecode elsewhere.
 */
@Deployment(resources = "processes/licence-application.bpmn")
class LicenceApplicationProcessTest {

    static final Map<String, Object> APPLICATION = Map.of("applicantAge", 30, "licenceType", "导游证 tour guide");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    @RegisterExtension
    final ScriptedContractStep contracts = new ScriptedContractStep()
            .answer("Activity_CheckEligibility", "eligible", true).answer("Activity_CheckEligibility", "version", 1L);

    final Applicant applicant = new Applicant(InMemoryEngine.ENGINE);

    @Test
    void asksALicensingOfficerToReviewAnEligibleApplication() {
        ProcessInstance kase = eligibilityChecked();

        assertThat(kase).isWaitingAt("Activity_ReviewApplication").variables().containsEntry("eligibilityRuleVersion", 1L);
        assertThat(task()).hasCandidateGroup("licensing-officers");
    }

    @Test
    void endsAnIneligibleApplicationWithoutAReview() {
        contracts.answer("Activity_CheckEligibility", "eligible", false);

        ProcessInstance kase = eligibilityChecked();

        assertThat(kase).isEnded().hasPassed("EndEvent_NotEligible").hasNotPassed("Activity_ReviewApplication");
    }

    @Test
    void issuesTheLicenceWhenTheOfficerApproves() {
        ProcessInstance kase = eligibilityChecked();

        complete(task(), withVariables("decision", "APPROVE"));
        execute(job("Activity_IssueLicence"));

        assertThat(kase).isEnded().hasPassedInOrder("Activity_ReviewApplication", "Activity_IssueLicence", "EndEvent_Issued");
    }

    @Test
    void endsWithoutALicenceWhenTheOfficerReturnsTheApplication() {
        ProcessInstance kase = eligibilityChecked();

        complete(task(), withVariables("decision", "RETURN_FOR_CORRECTION"));

        assertThat(kase).isEnded().hasPassed("EndEvent_NotApproved").hasNotPassed("Activity_IssueLicence");
    }

    private ProcessInstance eligibilityChecked() {
        ProcessInstance kase = applicant.starts("licence-application", APPLICATION);
        assertThat(kase).isWaitingAt("Activity_CheckEligibility");
        execute(job("Activity_CheckEligibility"));
        return kase;
    }
}
