package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may work a task, decided for one task from its identity links as the case reads read them
 * ({@link CaseReads#linkedTask}, {@link LinkedTask#mayWork}),
 * is who Camunda's candidate query ({@link TaskAccess#workableQuery}, the inbox's) finds it for: the
 * assignee; while nobody is assigned, a candidate user or a member of a candidate group; nobody else,
 * not an owner, not a candidate once another user is assigned.
 */
class TaskAccessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = InMemoryEngine.extension();

    private static final List<String> USERS = List.of("officer", "otherofficer", "clerk", "named", "owner", "nobody");

    private final TaskService tasks = InMemoryEngine.ENGINE.getTaskService();
    private final IdentityService identity = InMemoryEngine.ENGINE.getIdentityService();
    private final CaseReads reads = InMemoryEngine.reads(InMemoryEngine.ENGINE);
    private Deployment deployment;

    @BeforeEach
    void deployAndEnrol() {
        deployment = InMemoryEngine.ENGINE.getRepositoryService().createDeployment()
                .addModelInstance("access.bpmn", Bpmn.createExecutableProcess("access").startEvent()
                        .parallelGateway("fork")
                        .userTask("by-group").camundaCandidateGroups("officers, supervisors").endEvent()
                        .moveToNode("fork").userTask("by-user").camundaCandidateUsers("named").endEvent()
                        .moveToNode("fork").userTask("assigned").camundaAssignee("clerk").endEvent()
                        .moveToNode("fork").userTask("no-candidates").endEvent()
                        .done())
                .deploy();
        USERS.forEach(id -> identity.saveUser(identity.newUser(id)));
        List.of("officers", "supervisors", "clerks").forEach(id -> identity.saveGroup(identity.newGroup(id)));
        identity.createMembership("officer", "officers");
        identity.createMembership("otherofficer", "officers");
        identity.createMembership("otherofficer", "supervisors");
        identity.createMembership("clerk", "clerks");
    }

    @AfterEach
    void undeployAndRemove() {
        InMemoryEngine.ENGINE.getRepositoryService().deleteDeployment(deployment.getId(), true);
        USERS.forEach(identity::deleteUser);
        List.of("officers", "supervisors", "clerks").forEach(identity::deleteGroup);
    }

    @Test
    void decidesForOneTaskWhatTheCandidateQueryFinds() {
        String instance = InMemoryEngine.ENGINE.getRuntimeService().startProcessInstanceByKey("access").getId();
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance).list();
        Task byGroup = open.stream().filter(t -> t.getTaskDefinitionKey().equals("by-group")).findFirst().orElseThrow();
        Task noCandidates = open.stream().filter(t -> t.getTaskDefinitionKey().equals("no-candidates")).findFirst()
                .orElseThrow();
        tasks.setOwner(noCandidates.getId(), "owner");
        tasks.addCandidateGroup(noCandidates.getId(), "clerks");
        tasks.addUserIdentityLink(noCandidates.getId(), "nobody", "watcher");

        List<String> allowedBefore = compareForEveryUser(instance);
        assertThat(allowedBefore).contains("by-group:officer", "by-group:otherofficer", "by-user:named",
                "assigned:clerk", "no-candidates:clerk").doesNotContain("by-group:clerk", "by-user:officer",
                "assigned:officer", "no-candidates:owner", "no-candidates:nobody");

        tasks.claim(byGroup.getId(), "officer");
        List<String> allowedAfter = compareForEveryUser(instance);
        assertThat(allowedAfter).contains("by-group:officer").doesNotContain("by-group:otherofficer");
    }

    /** For every task and user, asserts both decide alike; returns the task:user pairs allowed. */
    private List<String> compareForEveryUser(String instance) {
        List<String> allowed = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
            for (String user : USERS) {
                List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
                        .map(group -> group.getId()).toList();
                boolean found = TaskAccess.workableQuery(tasks, user, groups).taskId(task.getId()).count() == 1;
                boolean decided = reads.linkedTask(task.getId()).orElseThrow().mayWork(user, groups);
                assertThat(decided).as("%s for %s (groups %s)", task.getTaskDefinitionKey(), user, groups)
                        .isEqualTo(found);
                if (decided) {
                    allowed.add(task.getTaskDefinitionKey() + ":" + user);
                }
            }
        }
        return allowed;
    }
}
