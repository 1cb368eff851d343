package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.record.CaseRecord;
import org.approvalchain.engine.record.KeptDecision;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The routing of the real {@code relief-fund} model (临时救助) from {@code bpmn-models}: the
 * eligibility rule, the officer's review and the head of department's sign-off (two levels), the
 * approved amount and its tranches, a tranche the chain refuses, the supervisor's query and the time
 * limit. The contract steps are stood in for ({@link ScriptedContractStep}); ReliefFund itself is
 * tested against its bytecode in {@code ReliefFundContractTest}.
 */
@Deployment(resources = "processes/relief-fund.bpmn")
class ReliefFundProcessTest {

    static final Map<String, Object> APPLICATION = Map.of("hardship", "家庭成员突发重大疾病", "householdSize", 3,
            "monthlyIncomePerCapita", 800, "requestedAmount", 3000, "tranches", 3, "trancheAmount", 1000);
    static final String SUPERVISOR = "qian.shen";

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    @RegisterExtension
    final ScriptedContractStep contracts = new ScriptedContractStep()
            .answer("Activity_CheckEligibility", "eligible", true).answer("Activity_CheckEligibility", "version", 1L)
            .answer("Activity_DisburseTranche", "totalDisbursed", 1000L)
            .answer("Activity_DisburseTranche", "remaining", 2000L);

    final Applicant applicant = new Applicant(InMemoryEngine.ENGINE, supervisors());

    private static UserDirectory supervisors() {
        UserDirectory users = mock(UserDirectory.class);
        when(users.groupsOf(SUPERVISOR)).thenReturn(List.of("relief-supervisors"));
        when(users.groupsOf("wu.qing")).thenReturn(List.of("relief-officers"));
        return users;
    }

    @Test
    void endsAnApplicationOverThePublishedStandardWithoutAnOfficerUnlessAReviewIsAskedFor() {
        contracts.answer("Activity_CheckEligibility", "eligible", false);
        TimeLimit window = TimeLimit.startingAt("2026-09-18T02:00:00Z");

        ProcessInstance kase = checked();
        assertThat(kase).isWaitingAt("Gateway_ReviewWindow");
        window.passes("Event_ReviewPeriodOver", Instant.parse("2026-11-17T02:00:00Z"));

        assertThat(kase).isEnded().hasPassed("EndEvent_Ineligible").hasNotPassed("Activity_OfficerReview");
    }

    @Test
    void letsAnOfficerOverturnTheAutomatedResultOnTheApplicantsRequest() {
        contracts.answer("Activity_CheckEligibility", "eligible", false);
        ProcessInstance kase = checked();

        applicant.requestsReview(kase, "医疗支出使家庭实际生活困难");
        assertThat(task()).hasDefinitionKey("Activity_HumanReview").hasCandidateGroup("relief-officers");
        complete(task(), withVariables("decision", "APPROVE"));

        assertThat(kase).isWaitingAt("Activity_OfficerReview");
    }

    @Test
    void needsTheHeadOfDepartmentsSignOffAfterTheOfficersApproval() {
        ProcessInstance kase = checked();
        assertThat(task()).hasDefinitionKey("Activity_OfficerReview").hasCandidateGroup("relief-officers");

        complete(task(), withVariables("decision", "APPROVE"));

        assertThat(kase).isWaitingAt("Activity_HeadApproval").hasNotPassed("Activity_RecordGrant");
        assertThat(task()).hasCandidateGroup("civil-affairs-heads");
    }

    @Test
    void recordsTheGrantAndPaysEveryTrancheInOrderOnTheHeadsApproval() {
        ProcessInstance kase = signedOff();

        execute(job("Activity_RecordGrant"));
        execute(job()); // into the payments (the multi-instance body)
        for (long tranche = 1; tranche <= 3; tranche++) {
            execute(job("Activity_DisburseTranche"));
            assertThat(contracts.inputs("Activity_DisburseTranche"))
                    .containsEntry("tranche", tranche).containsEntry("amount", 1000L);
        }

        assertThat(kase).isEnded().hasPassedInOrder("Activity_HeadApproval", "Activity_RecordGrant", "EndEvent_Disbursed");
    }

    @Test
    void stopsThePaymentsWhenTheChainRefusesATranche() {
        ProcessInstance kase = signedOff();
        execute(job("Activity_RecordGrant"));
        execute(job()); // into the payments (the multi-instance body)
        execute(job("Activity_DisburseTranche"));

        contracts.revert("Activity_DisburseTranche", "ReliefFund: disbursement exceeds the approved amount");
        execute(job("Activity_DisburseTranche"));

        assertThat(kase).isEnded().hasPassed("EndEvent_DisbursementStopped").hasNotPassed("EndEvent_Disbursed");
    }

    @Test
    void endsTheCaseWhenTheHeadRefuses() {
        ProcessInstance kase = officerApproved();

        complete(task(), withVariables("decision", "REJECT"));

        assertThat(kase).isEnded().hasPassed("EndEvent_RefusedByHead").hasNotPassed("Activity_RecordGrant");
    }

    @Test
    void sendsTheCaseBackToTheOfficerWhenTheHeadReturnsIt() {
        ProcessInstance kase = officerApproved();

        complete(task(), withVariables("decision", "RETURN_FOR_CORRECTION"));

        assertThat(kase).isWaitingAt("Activity_OfficerReview");
    }

    @Test
    void returnsTheFileToTheApplicantWhenTheOfficerAsksForCorrections() {
        ProcessInstance kase = checked();

        complete(task(), withVariables("decision", "RETURN_FOR_CORRECTION"));
        assertThat(kase).isWaitingAt("Event_AwaitCorrections");
        applicant.submitsCorrections(kase, Map.of("requestedAmount", 2000));

        assertThat(kase).isWaitingAt("Activity_CheckEligibility");
    }

    @Test
    void opensAReviewTaskForTheHeadWhenASupervisorRaisesAQuery() {
        ProcessInstance kase = checked();

        applicant.messages().raiseQuery(kase.getBusinessKey(), "申请人收入材料是否核实？", SUPERVISOR);

        assertThat(kase).isWaitingAt("Activity_OfficerReview", "Activity_AnswerQuery");
        assertThat(taskQuery().taskDefinitionKey("Activity_AnswerQuery").singleResult()).hasCandidateGroup("civil-affairs-heads");
        assertThat(kase).variables().containsEntry("supervisionQueryBy", SUPERVISOR);
    }

    @Test
    void refusesAQueryFromAnyoneButTheProcesssSupervisors() {
        ProcessInstance kase = checked();

        assertThatThrownBy(() -> applicant.messages().raiseQuery(kase.getBusinessKey(), "为什么？", "wu.qing"))
                .isInstanceOf(CaseException.class).hasMessageContaining("only the supervisors");
        assertThat(kase).isWaitingAt("Activity_OfficerReview");
    }

    @Test
    void handsTheCaseToTheHeadOfDepartmentAfterTenWorkingDays() {
        // from Friday 18 September 2026: Sunday 20 September is worked (调休), 25–27 September (中秋节)
        // and 1–7 October (国庆节) are not; the tenth working day is Friday 9 October
        TimeLimit limit = TimeLimit.startingAt("2026-09-18T02:00:00Z");
        ProcessInstance kase = checked();

        limit.passes("Event_TimeLimit", Instant.parse("2026-10-09T16:00:00Z"));
        assertThat(kase).isWaitingAt("Activity_OverdueReview");
        assertThat(task()).hasCandidateGroup("civil-affairs-heads");
        complete(task(), withVariables("decision", "APPROVE"));

        assertThat(kase).isWaitingAt("Activity_RecordGrant").hasNotPassed("Activity_HeadApproval");
    }

    @Test
    void refusesTheHeadsTaskToWhoeverSignedTheOfficersLevel() {
        ProcessInstance kase = checked();
        String officerTask = task().getId();
        officerApproved(kase);
        String headTask = task().getId();
        UserDirectory users = mock(UserDirectory.class);
        when(users.groupsOf("both.levels")).thenReturn(List.of("relief-officers", "civil-affairs-heads"));
        when(users.groupsOf("xu.jun")).thenReturn(List.of("civil-affairs-heads"));
        CaseRecord record = mock(CaseRecord.class);
        when(record.decisions(kase.getBusinessKey())).thenReturn(List.of(KeptDecision.signed(officerTask, kase.getBusinessKey(),
                "Activity_OfficerReview", "both.levels", "APPROVE", "", "{}", "0x", "", "", "{}")));
        DeployedDefinitions definitions = new DeployedDefinitions(InMemoryEngine.ENGINE.getRepositoryService());
        TaskAccess access = new TaskAccess(InMemoryEngine.ENGINE.getTaskService(), users,
                InMemoryEngine.reads(InMemoryEngine.ENGINE), definitions,
                record, new CommitteeRounds(InMemoryEngine.ENGINE.getHistoryService(), record, definitions));

        assertThatThrownBy(() -> access.workable(headTask, "both.levels")).isInstanceOf(CaseException.class)
                .hasMessageContaining("TASK-003").hasMessageContaining("signed Activity_OfficerReview");
        assertThat(access.workable(headTask, "xu.jun").getId()).isEqualTo(headTask);
    }

    private ProcessInstance checked() {
        ProcessInstance kase = applicant.starts("relief-fund", APPLICATION);
        assertThat(kase).isWaitingAt("Activity_CheckEligibility");
        execute(job("Activity_CheckEligibility"));
        return kase;
    }

    private ProcessInstance officerApproved() {
        return officerApproved(checked());
    }

    private static ProcessInstance officerApproved(ProcessInstance kase) {
        complete(task(), withVariables("decision", "APPROVE"));
        return kase;
    }

    private ProcessInstance signedOff() {
        ProcessInstance kase = officerApproved();
        complete(task(), withVariables("decision", "APPROVE"));
        return kase;
    }
}
