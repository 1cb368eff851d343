package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Map;

import org.approvalchain.engine.chain.EvidenceHash;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The routing of the real {@code business-registration} model (企业开办) from {@code bpmn-models}:
 * the two checks in parallel, correction (补正), the officer's decision, the time limit and the
 * licence. The contract steps are stood in for ({@link ScriptedContractStep}) because the subject
 * here is the model's routing; the contracts are tested against their real bytecode elsewhere.
 */
@Deployment(resources = "processes/business-registration.bpmn")
class BusinessRegistrationProcessTest {

    static final Map<String, Object> APPLICATION = Map.of("enterpriseName", "杭州星河软件有限公司", "tradeName", "星河",
            "industry", "软件和信息技术服务业", "materialsSubmitted", 5);

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    @RegisterExtension
    final ScriptedContractStep contracts = new ScriptedContractStep()
            .answer("Activity_CheckMaterials", "eligible", true).answer("Activity_CheckMaterials", "version", 1L)
            .answer("Activity_CheckName", "valid", false);

    final Applicant applicant = new Applicant(InMemoryEngine.ENGINE);

    @Test
    void checksMaterialsAndNameInParallelThenWaitsForARegistrationOfficer() {
        ProcessInstance kase = applicant.starts("business-registration", APPLICATION);
        assertThat(kase).isWaitingAt("Activity_CheckMaterials", "Activity_CheckName");

        runChecks(kase);

        assertThat(kase).isWaitingAt("Activity_OfficerReview").variables()
                .containsEntry("materialsComplete", true).containsEntry("nameTaken", false);
        assertThat(task()).hasCandidateGroup("registration-officers");
        assertThat(contracts.inputs("Activity_CheckName"))
                .containsEntry("documentHash", EvidenceHash.of("enterprise-name", "星河", "软件和信息技术服务业"));
    }

    @Test
    void routesIncompleteMaterialsToCorrection() {
        contracts.answer("Activity_CheckMaterials", "eligible", false);
        ProcessInstance kase = applicant.starts("business-registration", APPLICATION);

        runChecks(kase);

        assertThat(kase).isWaitingAt("Event_AwaitCorrections").hasPassed("Gateway_ToCorrection")
                .hasNotPassed("Activity_OfficerReview");
    }

    @Test
    void routesATakenTradeNameToCorrection() {
        contracts.answer("Activity_CheckName", "valid", true);
        ProcessInstance kase = applicant.starts("business-registration", APPLICATION);

        runChecks(kase);

        assertThat(kase).isWaitingAt("Event_AwaitCorrections").hasNotPassed("Activity_OfficerReview");
    }

    @Test
    void runsBothChecksAgainOnCorrectedMaterials() {
        contracts.answer("Activity_CheckMaterials", "eligible", false);
        ProcessInstance kase = applicant.starts("business-registration", APPLICATION);
        runChecks(kase);
        contracts.answer("Activity_CheckMaterials", "eligible", true);

        applicant.submitsCorrections(kase, Map.of("materialsSubmitted", 5));

        assertThat(kase).isWaitingAt("Activity_CheckMaterials", "Activity_CheckName");
        runChecks(kase);
        assertThat(kase).isWaitingAt("Activity_OfficerReview");
    }

    @Test
    void holdsTheCaseAtACheckWhoseContractReverts() {
        // no binding of this model names a revertErrorCode: a revert fails the step (retries, then an
        // incident) instead of routing the case
        contracts.revert("Activity_CheckMaterials", "rule br-materials not configured");
        ProcessInstance kase = applicant.starts("business-registration", APPLICATION);
        assertThat(kase).isStarted();

        assertThatThrownBy(() -> execute(job("Activity_CheckMaterials"))).hasMessageContaining("STEP-002");

        assertThat(kase).isWaitingAt("Activity_CheckMaterials").hasNotPassed("Gateway_ToCorrection");
    }

    @Test
    void issuesTheLicenceAndRegistersTheNameWhenTheOfficerApproves() {
        ProcessInstance kase = atOfficerReview();

        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(kase).isWaitingAt("Activity_IssueLicence");
        execute(job("Activity_IssueLicence"));
        execute(job("Activity_RegisterName"));

        assertThat(kase).isEnded().hasPassedInOrder("Activity_IssueLicence", "Activity_RegisterName", "EndEvent_Registered");
    }

    @Test
    void endsRefusedWhenTheOfficerRejects() {
        ProcessInstance kase = atOfficerReview();

        complete(task(), withVariables("decision", "REJECT"));

        assertThat(kase).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("Activity_IssueLicence");
    }

    @Test
    void returnsTheFileForCorrectionWhenTheOfficerSaysSo() {
        ProcessInstance kase = atOfficerReview();

        complete(task(), withVariables("decision", "RETURN_FOR_CORRECTION"));

        assertThat(kase).isWaitingAt("Event_AwaitCorrections");
    }

    @Test
    void handsTheCaseToTheSupervisorsAfterThreeWorkingDays() {
        // received on Tuesday 29 September 2026, 10:00 in Beijing: Wednesday counts, 1–7 October are
        // 国庆节, then Thursday 8 and Friday 9; the limit ends at 24:00 on 9 October
        TimeLimit limit = TimeLimit.startingAt("2026-09-29T02:00:00Z");
        ProcessInstance kase = atOfficerReview();

        limit.passes("Event_TimeLimit", Instant.parse("2026-10-09T16:00:00Z"));

        assertThat(kase).isWaitingAt("Activity_SupervisorReview").hasNotPassed("Gateway_Decision");
        assertThat(task()).hasCandidateGroup("supervisors");
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(kase).isWaitingAt("Activity_IssueLicence");
    }

    @Test
    void sendsAnExtensionRequestToTheHeadWhileTheOfficerKeepsTheCase() {
        ProcessInstance kase = atOfficerReview();

        runtimeService().createMessageCorrelation("time-limit-extension-requested").processInstanceId(kase.getId()).correlate();

        assertThat(kase).isWaitingAt("Activity_OfficerReview", "Activity_ApproveExtension");
        assertThat(taskQuery().taskDefinitionKey("Activity_ApproveExtension").singleResult()).hasCandidateGroup("supervisors");
        complete(taskQuery().taskDefinitionKey("Activity_ApproveExtension").singleResult(), withVariables("decision", "APPROVE"));
        assertThat(kase).isWaitingAt("Activity_OfficerReview").hasPassed("EndEvent_ExtensionDecided");
    }

    @Test
    void endsTheReviewStageAndAnOpenExtensionRequestWithTheOfficersDecision() {
        ProcessInstance kase = atOfficerReview();
        runtimeService().createMessageCorrelation("time-limit-extension-requested").processInstanceId(kase.getId()).correlate();

        complete(taskQuery().taskDefinitionKey("Activity_OfficerReview").singleResult(), withVariables("decision", "APPROVE"));

        assertThat(kase).isWaitingAt("Activity_IssueLicence").hasPassed("EndEvent_Reviewed").hasNotPassed("EndEvent_ExtensionDecided");
        assertThat(taskQuery().processInstanceId(kase.getId()).count()).isZero();
    }

    private ProcessInstance atOfficerReview() {
        ProcessInstance kase = applicant.starts("business-registration", APPLICATION);
        runChecks(kase);
        assertThat(kase).isWaitingAt("Activity_OfficerReview");
        return kase;
    }

    private static void runChecks(ProcessInstance kase) {
        assertThat(kase).isActive();
        execute(job("Activity_CheckMaterials"));
        execute(job("Activity_CheckName"));
    }
}
