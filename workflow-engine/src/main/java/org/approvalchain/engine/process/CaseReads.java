package org.approvalchain.engine.process;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The reads behind every look at a case (its view is polled while a case runs) as Camunda's native
 * queries: the same rows, in the same order, as its query builders give for these criteria, without
 * their dynamic SQL. MyBatis evaluates each of a builder's dozens of conditions by reflection, on
 * every query; under load that was about 7% of the engine's CPU, most of it for these reads.
 * Like the builders here, they check no Camunda authorisations: this engine's API runs its engine
 * calls with no Camunda authentication (Camunda's REST API and webapps keep theirs), and who may
 * read a case or work a task is {@link CaseAccess}'s and {@link TaskAccess}'s decision.
 */
@Component
class CaseReads {

    private final HistoryService history;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final String processInstances;
    private final String definitions;
    private final String variables;
    private final String openTasks;
    private final String executions;

    CaseReads(HistoryService history, TaskService tasks, RuntimeService runtime, ManagementService management) {
        this.history = history;
        this.tasks = tasks;
        this.runtime = runtime;
        this.processInstances = management.getTableName(HistoricProcessInstance.class);
        this.definitions = management.getTableName(ProcessDefinition.class);
        this.variables = management.getTableName(HistoricVariableInstance.class);
        this.openTasks = management.getTableName(Task.class);
        this.executions = management.getTableName(Execution.class);
    }

    /**
     * The process instance of the case, running or ended, with its process definition's name and
     * version (as Camunda's query joins them in).
     *
     * @throws CaseException NOT_FOUND for an unknown case
     */
    HistoricProcessInstance instance(String caseId) {
        HistoricProcessInstance instance = history.createNativeHistoricProcessInstanceQuery()
                .sql("SELECT SELF.*, DEF.NAME_, DEF.VERSION_, DEF.DEPLOYMENT_ID_ FROM " + processInstances + " SELF"
                        + " LEFT JOIN " + definitions + " DEF ON SELF.PROC_DEF_ID_ = DEF.ID_ WHERE SELF.BUSINESS_KEY_ = #{caseId}")
                .parameter("caseId", caseId).singleResult();
        if (instance == null) {
            throw new CaseException(CaseException.Kind.NOT_FOUND, "no case " + caseId);
        }
        return instance;
    }

    /** Every variable of a process instance, its tasks' and inner scopes' included, deleted ones left out; by id. */
    List<HistoricVariableInstance> variables(String processInstanceId) {
        return history.createNativeHistoricVariableInstanceQuery()
                .sql("SELECT * FROM " + variables + " WHERE PROC_INST_ID_ = #{instance}"
                        + " AND (STATE_ <> 'DELETED' OR STATE_ IS NULL) ORDER BY ID_")
                .parameter("instance", processInstanceId).list();
    }

    /** The case id (business key) of a running process instance. */
    String caseIdOf(String processInstanceId) {
        return runtime.createNativeProcessInstanceQuery().sql("SELECT * FROM " + executions + " WHERE ID_ = #{instance}")
                .parameter("instance", processInstanceId).singleResult().getBusinessKey();
    }

    /** The task, while it is open. */
    Optional<Task> openTask(String taskId) {
        return Optional.ofNullable(tasks.createNativeTaskQuery().sql("SELECT * FROM " + openTasks + " WHERE ID_ = #{task}")
                .parameter("task", taskId).singleResult());
    }

    /** The open tasks of a process instance, by id. */
    List<Task> openTasks(String processInstanceId) {
        return tasks.createNativeTaskQuery()
                .sql("SELECT * FROM " + openTasks + " WHERE PROC_INST_ID_ = #{instance} ORDER BY ID_")
                .parameter("instance", processInstanceId).list();
    }
}
