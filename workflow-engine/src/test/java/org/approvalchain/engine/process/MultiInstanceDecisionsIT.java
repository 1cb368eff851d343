package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A multi-instance manual task (a committee: each member signs their own evaluation) has several
 * instances of one activity open at once. Each instance is its own visit, so each signed decision
 * is its own step {@code <activity>#<visit>} in the case record and on {@code CaseLedger}, whatever
 * order the members sign in; a member who signed one instance cannot sign another (TASK-004); and
 * once the quorum has signed (the completion condition) the round closes and the rest are withdrawn.
 */
@SharedEngine
class MultiInstanceDecisionsIT {

    private static final String PROCESS = "multi-instance-signing";
    private static final String ACTIVITY = "Activity_Evaluate";

    /** Three instances of one manual task, open at once, for the members of a group; two signatures are a quorum. */
    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_mi"
                              targetNamespace="https://approvalchain.org/bpmn">
              <bpmn:process id="multi-instance-signing" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Started" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="Activity_Evaluate" />
                <bpmn:userTask id="Activity_Evaluate" name="评标 Evaluate" camunda:candidateGroups="licensing-officers">
                  <bpmn:extensionElements>
                    <camunda:properties>
                      <camunda:property name="mode" value="manual" />
                      <camunda:property name="legalBasis" value="《中华人民共和国招标投标法》第三十七条" />
                      <camunda:property name="discretion" value="true" />
                    </camunda:properties>
                  </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics>
                    <bpmn:loopCardinality>3</bpmn:loopCardinality>
                    <bpmn:completionCondition>${nrOfCompletedInstances >= 2}</bpmn:completionCondition>
                  </bpmn:multiInstanceLoopCharacteristics>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_Evaluate" targetRef="EndEvent_Evaluated" />
                <bpmn:endEvent id="EndEvent_Evaluated" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void committeeModelIsDeployed() {
        repository.createDeployment().name(PROCESS).addString(PROCESS + ".bpmn", MODEL).enableDuplicateFiltering(true)
                .deploy();
    }

    @Test
    void eachOpenInstanceIsItsOwnSignedStepByADifferentMemberUntilTheQuorum() {
        ApiClient wangFang = ApiClient.demoUser("http://localhost:" + port, "wang.fang");
        ApiClient liNa = ApiClient.demoUser("http://localhost:" + port, "li.na");
        String caseId = wangFang.startCase(PROCESS, Map.of(), Map.of("name", "某建设集团"));
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(ACTIVITY)
                .orderByTaskCreateTime().asc().list();
        assertThat(open).hasSize(3);

        // the second instance is signed first: the visit is the task's own, not the last one counted
        liNa.decide(open.get(1).getId(), "APPROVE", "技术标 88 分", signer("li.na"));
        liNa.askDecisionPayload(open.get(0).getId(), "APPROVE", "技术标 90 分").refused(403, "TASK-004");
        wangFang.decide(open.get(0).getId(), "APPROVE", "技术标 91 分", signer("wang.fang"));

        wangFang.awaitState(caseId, "COMPLETED", Duration.ofSeconds(30));
        assertThat(tasks.createTaskQuery().taskId(open.get(2).getId()).count())
                .as("the third member's instance, withdrawn at the quorum").isZero();
        assertThat(jdbc.queryForList("SELECT step_key FROM ac_case_step WHERE case_id = ? AND activity_id = ?"
                + " ORDER BY step_key", String.class, caseId, ACTIVITY))
                .containsExactly(caseId + "/" + ACTIVITY + "#1", caseId + "/" + ACTIVITY + "#2");
        assertThat(jdbc.queryForList("SELECT actor FROM ac_case_step WHERE step_key = ?", String.class,
                caseId + "/" + ACTIVITY + "#2")).containsExactly("li.na");
    }

    private static java.util.function.UnaryOperator<String> signer(String user) {
        return Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, user)::sign;
    }
}
