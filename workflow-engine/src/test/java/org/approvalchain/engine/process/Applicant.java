package org.approvalchain.engine.process;

import static org.mockito.Mockito.mock;

import java.util.Map;

import org.approvalchain.engine.chain.CaseChain;
import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.proxy.AgentAuthority;
import org.approvalchain.engine.record.CaseRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The applicant's side of a process test, through the product's own {@link Cases} and {@link
 * CaseMessages}: a case starts with the variables the API gives it (case id as business key,
 * initiator, submission time, applicant hash) and messages are correlated by the names the API sends,
 * so a model waiting for another name fails the test. Neither the record, the user directory, the
 * agents' authority nor the chain is consulted on these paths.
 */
final class Applicant {

    static final String USER_ID = "applicant.test";

    private final ProcessEngine engine;
    private final CaseMessages messages;
    private final Cases cases;

    Applicant(ProcessEngine engine) {
        this(engine, mock(UserDirectory.class));
    }

    /** With {@code users} telling the groups of those who send messages other than the applicant (a supervisor). */
    Applicant(ProcessEngine engine, UserDirectory users) {
        this.engine = engine;
        DeployedDefinitions definitions = new DeployedDefinitions(engine.getRepositoryService());
        CaseReads reads = InMemoryEngine.reads(engine);
        CaseAccess access = new CaseAccess(engine.getHistoryService(), definitions, users, mock(AgentAuthority.class), reads);
        this.cases = new Cases(definitions, engine.getRuntimeService(), mock(CaseRecord.class),
                access, new ApplicationGuard(null), new Deadlines(reads, definitions),
                new LicenceReuse(null, engine.getHistoryService(), definitions), reads); // no chain: these cases reuse no licence
        this.messages = new CaseMessages(engine.getRuntimeService(), cases, reads, access, definitions, new RoutingGuard(),
                mock(CaseChain.class)); // no chain: corrections are not anchored in these tests
    }

    /** Starts a case of the latest version of {@code processKey}. */
    ProcessInstance starts(String processKey, Map<String, Object> application) {
        String caseId = cases.start(processKey, application, Map.of("name", "张三"), USER_ID);
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
    }

    /** Resubmits corrected fields to a case waiting for corrections (补正). */
    void submitsCorrections(ProcessInstance kase, Map<String, Object> corrected) {
        messages.submitCorrections(kase.getBusinessKey(), corrected, "corrected", USER_ID);
    }

    /** The messages into the case as the API sends them, for senders other than the applicant. */
    CaseMessages messages() {
        return messages;
    }

    /** Asks for a person to review the case's automated result. */
    void requestsReview(ProcessInstance kase, String reason) {
        messages.requestReview(kase.getBusinessKey(), reason, USER_ID);
    }
}
