package org.approvalchain.engine.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The routing of the real {@code cross-province-service} model (跨省通办) from {@code bpmn-models}:
 * the receiving province's completeness check and the clerk's confirmation, the materials verified
 * in parallel, the competent province's decision, the time limit, and the result issued and
 * recognised. The contract steps are stood in for ({@link ScriptedContractStep}) because the subject
 * here is the model's routing; the contracts are tested against their real bytecode elsewhere.
 */
@Deployment(resources = "processes/cross-province-service.bpmn")
class CrossProvinceServiceProcessTest {

    static final Map<String, Object> APPLICATION = Map.of("serviceItem", "职业资格证书核发", "receivingProvince", "北京",
            "competentProvince", "浙江", "materialsSubmitted", 3, "householdRegisterNo", "HR-330106-2025-000001",
            "qualificationCertificateNo", "QC-330000-2025-000001", "holderRef", "P-330106-0001");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    @RegisterExtension
    final ScriptedContractStep contracts = new ScriptedContractStep()
            .answer("Activity_IntakeCheck", "eligible", true).answer("Activity_IntakeCheck", "version", 1L)
            .answer("Activity_VerifyHouseholdRegister", "valid", true).answer("Activity_VerifyQualification", "valid", true)
            .answer("Activity_RecogniseResult", "valid", true);

    final Applicant applicant = new Applicant(InMemoryEngine.ENGINE);

    @Test
    void asksTheIntakeClerkToConfirmACompleteApplication() {
        ProcessInstance kase = intakeChecked();

        assertThat(kase).isWaitingAt("Activity_IntakeConfirmation");
        assertThat(task()).hasCandidateGroup("intake-clerks");
    }

    @Test
    void routesAnIncompleteApplicationToCorrection() {
        contracts.answer("Activity_IntakeCheck", "eligible", false);

        ProcessInstance kase = intakeChecked();

        assertThat(kase).isWaitingAt("Event_AwaitCorrections").hasNotPassed("Activity_IntakeConfirmation");
    }

    @Test
    void verifiesBothMaterialsInParallelOnceTheClerkConfirms() {
        ProcessInstance kase = intakeChecked();

        complete(task(), withVariables("decision", "APPROVE"));

        assertThat(kase).isWaitingAt("Activity_VerifyHouseholdRegister", "Activity_VerifyQualification");
    }

    @Test
    void routesAnythingButTheClerksConfirmationToCorrection() {
        ProcessInstance kase = intakeChecked();

        complete(task(), withVariables("decision", "REJECT"));

        assertThat(kase).isWaitingAt("Event_AwaitCorrections").hasNotPassed("Gateway_VerifyFork");
    }

    @Test
    void letsTheCompetentOfficerDecideOnVerifiedMaterials() {
        ProcessInstance kase = verified();

        assertThat(kase).isWaitingAt("Activity_CompetentDecision");
        assertThat(task()).hasCandidateGroup("competent-officers");
    }

    @Test
    void routesAMaterialThatDoesNotVerifyToCorrection() {
        contracts.answer("Activity_VerifyQualification", "valid", false);

        ProcessInstance kase = verified();

        assertThat(kase).isWaitingAt("Event_AwaitCorrections").hasNotPassed("Activity_CompetentDecision");
    }

    @Test
    void startsOverFromTheIntakeCheckOnCorrectedMaterials() {
        contracts.answer("Activity_VerifyQualification", "valid", false);
        ProcessInstance kase = verified();

        applicant.submitsCorrections(kase, Map.of("qualificationCertificateNo", "QC-330000-2025-000002"));

        assertThat(kase).isWaitingAt("Activity_IntakeCheck");
    }

    @Test
    void issuesTheResultAndHasItRecognisedOnApproval() {
        ProcessInstance kase = verified();

        complete(task(), withVariables("decision", "APPROVE"));
        execute(job("Activity_IssueResult"));
        execute(job("Activity_RecogniseResult"));

        assertThat(kase).isEnded().hasPassedInOrder("Activity_IssueResult", "Activity_RecogniseResult", "EndEvent_Delivered")
                .variables().containsEntry("resultRecognised", true);
    }

    @Test
    void handsTheCaseToTheSupervisorsAfterTwentyWorkingDays() {
        // from Friday 18 September 2026: Sunday 20 September and Saturday 10 October are worked (调休),
        // 25–27 September (中秋节) and 1–7 October (国庆节) are not; the twentieth is Thursday 22 October
        TimeLimit limit = TimeLimit.startingAt("2026-09-18T02:00:00Z");
        ProcessInstance kase = verified();

        limit.passes("Event_TimeLimit", Instant.parse("2026-10-22T16:00:00Z"));

        assertThat(kase).isWaitingAt("Activity_SupervisorReview");
        assertThat(task()).hasCandidateGroup("supervisors");
    }

    private ProcessInstance intakeChecked() {
        ProcessInstance kase = applicant.starts("cross-province-service", APPLICATION);
        assertThat(kase).isWaitingAt("Activity_IntakeCheck");
        execute(job("Activity_IntakeCheck"));
        return kase;
    }

    /** A case confirmed by the clerk and past both verifications. */
    private ProcessInstance verified() {
        ProcessInstance kase = intakeChecked();
        complete(task(), withVariables("decision", "APPROVE"));
        execute(job("Activity_VerifyHouseholdRegister"));
        execute(job("Activity_VerifyQualification"));
        return kase;
    }
}
