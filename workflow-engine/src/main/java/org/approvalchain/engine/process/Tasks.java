package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** The task inbox: the open tasks a user may work. */
@Service
public class Tasks {

    private final TaskAccess access;
    private final RuntimeService runtime;

    Tasks(TaskAccess access, RuntimeService runtime) {
        this.access = access;
        this.runtime = runtime;
    }

    /** An open task as its approver sees it in the inbox. */
    public record OpenTask(String taskId, String caseId, String activityId, String name, String processDefinitionId,
                           Instant created) {
    }

    public List<OpenTask> of(String userId) {
        return access.workableBy(userId).stream().map(t -> new OpenTask(t.getId(),
                runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey(),
                t.getTaskDefinitionKey(), t.getName(), t.getProcessDefinitionId(), t.getCreateTime().toInstant())).toList();
    }
}
