package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.approvalchain.engine.chain.EvidenceHash;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The routing of the real {@code real-estate-transfer} model (不动产转移登记) from {@code bpmn-models}:
 * the title and tax checks, the automated refusal for unpaid deed tax with its window for a human
 * review, correction of a title that does not match, the registrar's decision, the time limit and
 * the three automatic steps of an approved transfer. The contract steps are stood in for ({@link
 * ScriptedContractStep}) because the subject here is the model's routing; the contracts are tested
 * against their real bytecode elsewhere.
 */
@Deployment(resources = "processes/real-estate-transfer.bpmn")
class RealEstateTransferProcessTest {

    static final Map<String, Object> APPLICATION = Map.of("propertyCertificateNo", "京(2025)朝阳区不动产权第0012345号",
            "sellerRef", "S-110105-0001", "buyerRef", "B-110105-0007", "taxVoucherNo", "DT-2025-110105-0000123");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    @RegisterExtension
    final ScriptedContractStep contracts = new ScriptedContractStep()
            .answer("Activity_CheckTitle", "valid", true).answer("Activity_CheckTax", "valid", true);

    final Applicant applicant = new Applicant(InMemoryEngine.ENGINE);

    @Test
    void waitsForARegistrarWhenTitleAndTaxCheckOut() {
        ProcessInstance kase = checked();

        assertThat(kase).isWaitingAt("Activity_RegistrarReview");
        assertThat(task()).hasCandidateGroup("real-estate-registrars");
    }

    @Test
    void refusesUnpaidDeedTaxAutomaticallyAndKeepsItOpenForHumanReview() {
        contracts.answer("Activity_CheckTax", "valid", false);

        ProcessInstance kase = checked();

        assertThat(kase).isWaitingAt("Gateway_ReviewWindow").hasNotPassed("Activity_RegistrarReview");
    }

    @Test
    void refusesForUnpaidTaxEvenWhenTheTitleDoesNotMatchEither() {
        contracts.answer("Activity_CheckTax", "valid", false).answer("Activity_CheckTitle", "valid", false);

        ProcessInstance kase = checked();

        assertThat(kase).isWaitingAt("Gateway_ReviewWindow").hasNotPassed("Gateway_ToCorrection");
    }

    @Test
    void endsTheRefusalWhenNoReviewIsAskedForWithinSixtyDays() {
        contracts.answer("Activity_CheckTax", "valid", false);
        TimeLimit reviewPeriod = TimeLimit.startingAt("2026-09-29T02:00:00Z");
        ProcessInstance kase = checked();

        // sixty calendar days (行政复议法), holidays included
        reviewPeriod.passes("Event_ReviewPeriodOver", reviewPeriod.start().plus(Duration.ofDays(60)));

        assertThat(kase).isEnded().hasPassed("EndEvent_RefusedAutomatically").hasNotPassed("Activity_HumanReview");
    }

    @Test
    void opensAHumanReviewWhenTheApplicantAsksForOne() {
        contracts.answer("Activity_CheckTax", "valid", false);
        ProcessInstance kase = checked();

        applicant.requestsReview(kase, "the tax was paid on the day of signing");

        assertThat(kase).isWaitingAt("Activity_HumanReview").hasNotPassed("Event_ReviewPeriodOver");
        assertThat(task()).hasCandidateGroup("real-estate-registrars");
    }

    @Test
    void sendsAnOverturnedRefusalToTheRegistrar() {
        ProcessInstance kase = inHumanReview();

        complete(task(), withVariables("decision", "APPROVE"));

        assertThat(kase).isWaitingAt("Activity_RegistrarReview");
    }

    @Test
    void endsTheCaseWhenTheReviewConfirmsTheRefusal() {
        ProcessInstance kase = inHumanReview();

        complete(task(), withVariables("decision", "REJECT"));

        assertThat(kase).isEnded().hasPassed("EndEvent_RefusalConfirmed").hasNotPassed("Activity_RegistrarReview");
    }

    @Test
    void routesATitleThatDoesNotMatchToCorrection() {
        contracts.answer("Activity_CheckTitle", "valid", false);

        ProcessInstance kase = checked();

        assertThat(kase).isWaitingAt("Event_AwaitCorrections").hasNotPassed("Gateway_ReviewWindow");
    }

    @Test
    void closesTheSellersTitleRecordsTheBuyersAndIssuesTheCertificateOnApproval() {
        ProcessInstance kase = checked();

        complete(task(), withVariables("decision", "APPROVE"));
        execute(job("Activity_CloseSellerTitle"));
        execute(job("Activity_RecordBuyerTitle"));
        execute(job("Activity_IssueCertificate"));

        assertThat(kase).isEnded().hasPassedInOrder("Activity_CloseSellerTitle", "Activity_RecordBuyerTitle",
                "Activity_IssueCertificate", "EndEvent_Registered");
        assertThat(contracts.inputs("Activity_RecordBuyerTitle"))
                .containsEntry("documentHash", EvidenceHash.of("property-title", kase.getBusinessKey(), "B-110105-0007"));
    }

    @Test
    void endsRefusedWhenTheRegistrarRejects() {
        ProcessInstance kase = checked();

        complete(task(), withVariables("decision", "REJECT"));

        assertThat(kase).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("Activity_CloseSellerTitle");
    }

    @Test
    void handsTheCaseToTheSupervisorsAfterThirtyWorkingDays() {
        // from Tuesday 10 February 2026: Saturdays 14 and 28 February are worked (调休), 15–23 February
        // (春节) are not; the thirtieth is Monday 30 March
        TimeLimit limit = TimeLimit.startingAt("2026-02-10T02:00:00Z");
        ProcessInstance kase = checked();

        limit.passes("Event_TimeLimit", Instant.parse("2026-03-30T16:00:00Z"));

        assertThat(kase).isWaitingAt("Activity_SupervisorReview");
        assertThat(task()).hasCandidateGroup("supervisors");
    }

    private ProcessInstance inHumanReview() {
        contracts.answer("Activity_CheckTax", "valid", false);
        ProcessInstance kase = checked();
        applicant.requestsReview(kase, "the tax was paid on the day of signing");
        assertThat(kase).isWaitingAt("Activity_HumanReview");
        return kase;
    }

    /** A case started and past both checks. */
    private ProcessInstance checked() {
        ProcessInstance kase = applicant.starts("real-estate-transfer", APPLICATION);
        assertThat(kase).isWaitingAt("Activity_CheckTitle", "Activity_CheckTax");
        execute(job("Activity_CheckTitle"));
        execute(job("Activity_CheckTax"));
        return kase;
    }
}
