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
 * The routing of the real {@code einvoice-reimbursement} model (电子发票报销入账): the check on chain,
 * correction, the finance officer's decision, and the reimbursement the chain enters or refuses.
 * The contract steps are stood in for ({@link ScriptedContractStep}); {@code InvoiceRegistry} is
 * tested against its real bytecode in {@code InvoiceRegistryContractTest}, the whole in einvoice.feature.
 */
@Deployment(resources = "processes/einvoice-reimbursement.bpmn")
class EinvoiceReimbursementProcessTest {

    static final Map<String, Object> CLAIM = Map.of("invoiceNo", "26442000000000000101",
            "invoiceHash", "0x64ce32625359692bf231cc091ca7e40758dba5998577bc6f88c4f0ed35878da1",
            "reimbursingUnit", "甲公司财务部", "purpose", "差旅住宿费");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    @RegisterExtension
    final ScriptedContractStep contracts = new ScriptedContractStep()
            .answer("Activity_CheckInvoice", "state", 1L).answer("Activity_CheckInvoice", "contentMatches", true);

    final Applicant applicant = new Applicant(InMemoryEngine.ENGINE);

    @Test
    void entersTheReimbursementWhenTheFinanceOfficerApproves() {
        ProcessInstance kase = atFinanceReview();
        assertThat(task()).hasCandidateGroup("finance-officers");

        complete(task(), withVariables("decision", "APPROVE"));
        execute(job("Activity_RecordReimbursement"));

        assertThat(kase).isEnded().hasPassedInOrder("Activity_FinanceReview", "Activity_RecordReimbursement",
                "EndEvent_Reimbursed");
    }

    @Test
    void endsRefusedByTheChainWhenAnotherCompanyReimbursedTheInvoiceMeanwhile() {
        String reason = "InvoiceRegistry: invoice already reimbursed by 乙公司财务部 in case C-1";
        contracts.revert("Activity_RecordReimbursement", reason);
        ProcessInstance kase = atFinanceReview();

        complete(task(), withVariables("decision", "APPROVE"));
        execute(job("Activity_RecordReimbursement"));

        assertThat(kase).isEnded().hasPassed("EndEvent_RefusedByChain").hasNotPassed("EndEvent_Reimbursed")
                .variables().containsEntry("refusalReason", reason);
    }

    @Test
    void returnsAnInvoiceThatIsNotIssuedOrNotTheSameFileForCorrection() {
        contracts.answer("Activity_CheckInvoice", "state", 2L);
        ProcessInstance reimbursed = applicant.starts("einvoice-reimbursement", CLAIM);
        execute(job("Activity_CheckInvoice", reimbursed));
        assertThat(reimbursed).isWaitingAt("Event_AwaitCorrections").hasNotPassed("Activity_FinanceReview");

        contracts.answer("Activity_CheckInvoice", "state", 1L).answer("Activity_CheckInvoice", "contentMatches", false);
        ProcessInstance otherFile = applicant.starts("einvoice-reimbursement", CLAIM);
        execute(job("Activity_CheckInvoice", otherFile));
        assertThat(otherFile).isWaitingAt("Event_AwaitCorrections");
    }

    @Test
    void endsRejectedOrReturnsForCorrectionAsTheFinanceOfficerDecides() {
        ProcessInstance rejected = atFinanceReview();
        complete(task(rejected), withVariables("decision", "REJECT"));
        assertThat(rejected).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Activity_RecordReimbursement");

        ProcessInstance returned = atFinanceReview();
        complete(task(returned), withVariables("decision", "RETURN_FOR_CORRECTION"));
        assertThat(returned).isWaitingAt("Event_AwaitCorrections");
    }

    private ProcessInstance atFinanceReview() {
        ProcessInstance kase = applicant.starts("einvoice-reimbursement", CLAIM);
        execute(job("Activity_CheckInvoice", kase));
        assertThat(kase).isWaitingAt("Activity_FinanceReview");
        return kase;
    }
}
