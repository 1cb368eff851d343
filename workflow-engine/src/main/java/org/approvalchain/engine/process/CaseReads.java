package org.approvalchain.engine.process;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reads behind every look at a case (its view is polled while a case runs) as Camunda's native
 * queries: the same rows, in the same order, as its query builders give for these criteria, without
 * their dynamic SQL. MyBatis evaluates each of a builder's dozens of conditions by reflection, on
 * every query; under load that was about 7% of the engine's CPU, most of it for these reads.
 * Like the builders here, they check no Camunda authorisations: this engine's API runs its engine
 * calls with no Camunda authentication (Camunda's REST API and webapps keep theirs), and who may
 * read a case or work a task is {@link CaseAccess}'s and {@link TaskAccess}'s decision.
 *
 * <p>A case's process instance, its variables, the messages it waits for, its open tasks with their
 * candidates, its timers and its case id are read from Camunda's tables directly, as the user
 * directory reads memberships: through MyBatis (each column of each row by name and reflection, in
 * a command and a transaction of its own) the first three were two thirds of the cost of a look at
 * a case, and the tasks, one identity-link command per task and two query builders for the timers
 * were then half of what was left. Camunda keeps a value of the types cases hold in plain
 * columns (a string in {@code TEXT_}; a long, an integer, a short, a date as epoch milliseconds and
 * a boolean as 1 or 0 in {@code LONG_}; a double in {@code DOUBLE_}); a case with a variable of any
 * other type (a serialized object, bytes, a file, JSON) is read through Camunda, which deserializes it.
 * The variables a task sees (for the case-state document of a payload and a decision, and for the
 * decision's chain write) are read so too: through {@code RuntimeService.getVariables} and {@code
 * TaskService} they took 1.4–1.9 ms of a web thread, three times per case (docs/performance.md,
 * "Inside the EVM thread and a decision's web thread").
 */
@Component
class CaseReads {

    /** What {@link #plainValue} gives for a type Camunda does not keep in plain columns. */
    private static final Object NOT_PLAIN = new Object();

    /** The columns of Camunda's task result map, in the order {@link #task} reads them. */
    private static final String TASK_COLUMNS = "T.ID_, T.REV_, T.NAME_, T.PARENT_TASK_ID_, T.DESCRIPTION_, T.PRIORITY_, "
            + "T.CREATE_TIME_, T.LAST_UPDATED_, T.OWNER_, T.ASSIGNEE_, T.DELEGATION_, T.EXECUTION_ID_, T.PROC_INST_ID_, "
            + "T.PROC_DEF_ID_, T.CASE_EXECUTION_ID_, T.CASE_INST_ID_, T.CASE_DEF_ID_, T.TASK_DEF_KEY_, T.DUE_DATE_, "
            + "T.FOLLOW_UP_DATE_, T.SUSPENSION_STATE_, T.TENANT_ID_, T.TASK_STATE_";
    private static final int TASK_COLUMN_COUNT = 23;

    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final String processInstances;
    private final String definitions;
    private final String variables;
    private final String runtimeVariables;
    private final String openTasks;
    private final String executions;
    private final String subscriptions;
    private final String identityLinks;
    private final String jobs;
    private final String jobDefinitions;

    CaseReads(HistoryService history, RuntimeService runtime, TaskService tasks, ManagementService management,
              JdbcTemplate jdbc) {
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.processInstances = management.getTableName(HistoricProcessInstance.class);
        this.definitions = management.getTableName(ProcessDefinition.class);
        this.variables = management.getTableName(HistoricVariableInstance.class);
        this.runtimeVariables = management.getTableName(VariableInstanceEntity.class);
        this.openTasks = management.getTableName(Task.class);
        this.executions = management.getTableName(Execution.class);
        this.subscriptions = management.getTableName(EventSubscriptionEntity.class);
        this.identityLinks = management.getTableName(IdentityLinkEntity.class);
        this.jobs = management.getTableName(Job.class);
        this.jobDefinitions = management.getTableName(JobDefinitionEntity.class);
    }

    /**
     * The process instance of the case, running or ended, with its process definition's name and
     * version (as Camunda's query joins them in).
     *
     * @throws CaseException NOT_FOUND for an unknown case
     */
    HistoricProcessInstance instance(String caseId) {
        List<HistoricProcessInstance> found = jdbc.query("SELECT SELF.*, DEF.NAME_, DEF.VERSION_ FROM " + processInstances
                + " SELF LEFT JOIN " + definitions + " DEF ON SELF.PROC_DEF_ID_ = DEF.ID_ WHERE SELF.BUSINESS_KEY_ = ?",
                (row, n) -> processInstance(row), caseId);
        if (found.isEmpty()) {
            throw new CaseException(CaseException.Kind.NOT_FOUND, "no case " + caseId);
        }
        if (found.size() > 1) {
            throw new IllegalStateException("case " + caseId + " is the business key of " + found.size() + " process instances");
        }
        return found.get(0);
    }

    /** A row of the process instances' history joined with its definition, as Camunda's result map reads it. */
    private static HistoricProcessInstance processInstance(ResultSet row) throws SQLException {
        HistoricProcessInstanceEntity instance = new HistoricProcessInstanceEntity();
        instance.setId(row.getString("ID_"));
        instance.setProcessInstanceId(row.getString("PROC_INST_ID_"));
        instance.setBusinessKey(row.getString("BUSINESS_KEY_"));
        instance.setProcessDefinitionKey(row.getString("PROC_DEF_KEY_"));
        instance.setProcessDefinitionId(row.getString("PROC_DEF_ID_"));
        instance.setProcessDefinitionName(row.getString("NAME_"));
        instance.setProcessDefinitionVersion(row.getObject("VERSION_", Integer.class));
        instance.setStartTime(date(row, "START_TIME_"));
        instance.setEndTime(date(row, "END_TIME_"));
        instance.setRemovalTime(date(row, "REMOVAL_TIME_"));
        instance.setDurationInMillis(row.getObject("DURATION_", Long.class));
        instance.setStartUserId(row.getString("START_USER_ID_"));
        instance.setStartActivityId(row.getString("START_ACT_ID_"));
        instance.setEndActivityId(row.getString("END_ACT_ID_"));
        instance.setSuperProcessInstanceId(row.getString("SUPER_PROCESS_INSTANCE_ID_"));
        instance.setRootProcessInstanceId(row.getString("ROOT_PROC_INST_ID_"));
        instance.setSuperCaseInstanceId(row.getString("SUPER_CASE_INSTANCE_ID_"));
        instance.setCaseInstanceId(row.getString("CASE_INST_ID_"));
        instance.setDeleteReason(row.getString("DELETE_REASON_"));
        instance.setTenantId(row.getString("TENANT_ID_"));
        instance.setState(row.getString("STATE_"));
        instance.setRestartedProcessInstanceId(row.getString("RESTARTED_PROC_INST_ID_"));
        return instance;
    }

    private static Date date(ResultSet row, String column) throws SQLException {
        return date(row.getTimestamp(column));
    }

    private static Date date(Timestamp time) {
        return time == null ? null : new Date(time.getTime());
    }

    /** Every variable of a process instance, its tasks' and inner scopes' included, deleted ones left out; by id. */
    List<CaseVariable> variables(String processInstanceId) {
        String where = " WHERE PROC_INST_ID_ = ? AND (STATE_ <> 'DELETED' OR STATE_ IS NULL) ORDER BY ID_";
        List<Optional<CaseVariable>> plain = jdbc.query("SELECT NAME_, VAR_TYPE_, TEXT_, LONG_, DOUBLE_, ACT_INST_ID_ FROM "
                + variables + where, (row, n) -> plainVariable(row, processInstanceId), processInstanceId);
        if (plain.stream().allMatch(Optional::isPresent)) {
            return plain.stream().map(Optional::get).toList();
        }
        return history.createNativeHistoricVariableInstanceQuery()
                .sql("SELECT * FROM " + variables + where.replace("?", "#{instance}"))
                .parameter("instance", processInstanceId).list().stream().map(CaseVariable::of).toList();
    }

    /** A variable of a type Camunda keeps in plain columns, decoded as Camunda does; empty for any other type. */
    private static Optional<CaseVariable> plainVariable(ResultSet row, String processInstanceId) throws SQLException {
        Object value = plainValue(row.getString("VAR_TYPE_"), row);
        return value == NOT_PLAIN ? Optional.empty() : Optional.of(new CaseVariable(row.getString("NAME_"), value,
                processInstanceId.equals(row.getString("ACT_INST_ID_"))));
    }

    /** A value of a type Camunda keeps in plain columns, decoded as Camunda does; {@link #NOT_PLAIN} for any other type. */
    private static Object plainValue(String type, ResultSet row) throws SQLException {
        Long number = row.getObject("LONG_", Long.class);
        return switch (type) {
            case "string" -> row.getString("TEXT_");
            case "long" -> number;
            case "integer" -> number == null ? null : number.intValue();
            case "short" -> number == null ? null : number.shortValue();
            case "boolean" -> number == null ? null : number == 1L;
            case "date" -> number == null ? null : new Date(number);
            case "double" -> row.getObject("DOUBLE_", Double.class);
            case "null" -> null;
            default -> NOT_PLAIN;
        };
    }

    /**
     * The variables visible from the task, as Camunda's {@code TaskService.getVariables(taskId)}
     * gives them: the task's own, then those of its execution and of that execution's ancestors,
     * the nearest one's value of a name first.
     */
    Map<String, Object> taskVariables(Task task) {
        return visibleVariables(task, task.getId(), () -> tasks.getVariables(task.getId()));
    }

    /**
     * The variables visible from the task's execution (the task's own left out), as Camunda's
     * {@code RuntimeService.getVariables(executionId)} gives them.
     */
    Map<String, Object> executionVariables(Task task) {
        return visibleVariables(task, null, () -> runtime.getVariables(task.getExecutionId()));
    }

    /**
     * Variables visible from the task's execution, and the task's own unless {@code taskId} is null,
     * read from Camunda's tables in two statements; through Camunda ({@code throughCamunda}) when
     * one of them is of a type not kept in plain columns, which Camunda deserializes.
     */
    private Map<String, Object> visibleVariables(Task task, String taskId, Supplier<Map<String, Object>> throughCamunda) {
        Map<String, String> parents = new HashMap<>();
        jdbc.query("SELECT ID_, PARENT_ID_ FROM " + executions + " WHERE PROC_INST_ID_ = ?",
                (ResultSet row) -> {
                    parents.put(row.getString(1), row.getString(2));
                }, task.getProcessInstanceId());
        // the scopes whose variables are visible, nearest first: the task, its execution, each ancestor
        Map<String, Integer> scopes = new HashMap<>();
        if (taskId != null) {
            scopes.put("task " + taskId, 0);
        }
        for (String execution = task.getExecutionId(); execution != null && !scopes.containsKey("execution " + execution);
             execution = parents.get(execution)) {
            scopes.put("execution " + execution, scopes.size());
        }
        Map<String, Object> visible = new HashMap<>();
        Map<String, Integer> nearestOf = new HashMap<>();
        boolean[] plain = {true};
        jdbc.query("SELECT NAME_, TYPE_, TEXT_, LONG_, DOUBLE_, EXECUTION_ID_, TASK_ID_ FROM " + runtimeVariables
                + " WHERE PROC_INST_ID_ = ?", (ResultSet row) -> {
                    String ofTask = row.getString("TASK_ID_");
                    Integer nearness = scopes.get(ofTask != null ? "task " + ofTask : "execution " + row.getString("EXECUTION_ID_"));
                    String name = row.getString("NAME_");
                    // the nearest scope's value wins, a null too (so no putIfAbsent)
                    if (nearness != null && nearness < nearestOf.getOrDefault(name, Integer.MAX_VALUE)) {
                        Object value = plainValue(row.getString("TYPE_"), row);
                        plain[0] &= value != NOT_PLAIN;
                        nearestOf.put(name, nearness);
                        visible.put(name, value);
                    }
                }, task.getProcessInstanceId());
        return plain[0] ? visible : throughCamunda.get();
    }

    /** The names of the messages a process instance waits for, in order. */
    List<String> awaitedMessages(String processInstanceId) {
        return jdbc.queryForList("SELECT EVENT_NAME_ FROM " + subscriptions + " WHERE PROC_INST_ID_ = ? AND EVENT_TYPE_ = 'message'",
                String.class, processInstanceId).stream().sorted().toList();
    }

    /**
     * The case id (business key) of a running process instance.
     *
     * @throws CaseException NOT_FOUND when the process instance is not running (any more)
     */
    String caseIdOf(String processInstanceId) {
        return Optional.ofNullable(caseIdsOf(List.of(processInstanceId)).get(processInstanceId)).orElseThrow(
                () -> new CaseException(CaseException.Kind.NOT_FOUND, "no running process instance " + processInstanceId));
    }

    /** The case ids (business keys) of those of these process instances that are running, by process instance id. */
    Map<String, String> caseIdsOf(Collection<String> processInstanceIds) {
        Map<String, String> caseIds = new HashMap<>();
        if (!processInstanceIds.isEmpty()) {
            jdbc.query("SELECT ID_, BUSINESS_KEY_ FROM " + executions + " WHERE ID_ IN (" + placeholders(processInstanceIds) + ")",
                    (ResultSet row) -> {
                        caseIds.put(row.getString(1), row.getString(2));
                    }, processInstanceIds.toArray());
        }
        return caseIds;
    }

    /** The task with those it names as candidates, while it is open. */
    Optional<LinkedTask> linkedTask(String taskId) {
        return linkedTasks("T.ID_ = ?", taskId).stream().findFirst();
    }

    /** The open tasks of a process instance with those they name as candidates, by task id. */
    List<LinkedTask> linkedTasks(String processInstanceId) {
        return linkedTasks("T.PROC_INST_ID_ = ?", processInstanceId);
    }

    /** Those of these tasks that are open, with those they name as candidates, by task id. */
    List<LinkedTask> linkedTasks(Collection<String> taskIds) {
        return taskIds.isEmpty() ? List.of() : linkedTasks("T.ID_ IN (" + placeholders(taskIds) + ")", taskIds.toArray());
    }

    /**
     * Open tasks and their candidate links in one statement, so that a task completed meanwhile is
     * either read whole or not at all (Camunda's identity link command fails for a task gone since
     * its query).
     */
    private List<LinkedTask> linkedTasks(String condition, Object... values) {
        Map<String, LinkedTaskRows> found = new LinkedHashMap<>();
        jdbc.query("SELECT " + TASK_COLUMNS + ", L.USER_ID_, L.GROUP_ID_ FROM " + openTasks + " T LEFT JOIN " + identityLinks
                + " L ON L.TASK_ID_ = T.ID_ AND L.TYPE_ = '" + IdentityLinkType.CANDIDATE + "' WHERE " + condition + " ORDER BY T.ID_",
                (ResultSet row) -> {
                    LinkedTaskRows task = found.computeIfAbsent(row.getString(1), id -> new LinkedTaskRows(task(row)));
                    Optional.ofNullable(row.getString(TASK_COLUMN_COUNT + 1)).ifPresent(task.users::add);
                    Optional.ofNullable(row.getString(TASK_COLUMN_COUNT + 2)).ifPresent(task.groups::add);
                }, values);
        return found.values().stream().map(t -> new LinkedTask(t.task, List.copyOf(t.users), List.copyOf(t.groups))).toList();
    }

    /** A task's row, as Camunda's result map reads it (columns in {@link #TASK_COLUMNS}' order). */
    private static Task task(ResultSet row) {
        try {
            TaskEntity task = new TaskEntity();
            task.setId(row.getString(1));
            task.setRevision(row.getInt(2));
            task.setNameWithoutCascade(row.getString(3));
            task.setParentTaskIdWithoutCascade(row.getString(4));
            task.setDescriptionWithoutCascade(row.getString(5));
            task.setPriorityWithoutCascade(row.getInt(6));
            task.setCreateTime(date(row.getTimestamp(7)));
            task.setLastUpdated(date(row.getTimestamp(8)));
            task.setOwnerWithoutCascade(row.getString(9));
            task.setAssigneeWithoutCascade(row.getString(10));
            task.setDelegationStateString(row.getString(11));
            task.setExecutionId(row.getString(12));
            task.setProcessInstanceId(row.getString(13));
            task.setProcessDefinitionId(row.getString(14));
            task.setCaseExecutionId(row.getString(15));
            task.setCaseInstanceIdWithoutCascade(row.getString(16));
            task.setCaseDefinitionId(row.getString(17));
            task.setTaskDefinitionKeyWithoutCascade(row.getString(18));
            task.setDueDateWithoutCascade(date(row.getTimestamp(19)));
            task.setFollowUpDateWithoutCascade(date(row.getTimestamp(20)));
            task.setSuspensionState(row.getInt(21));
            task.setTenantId(row.getString(22));
            task.setTaskState(row.getString(23));
            return task;
        } catch (SQLException e) {
            throw new IllegalStateException("unreadable task row: " + e.getMessage(), e);
        }
    }

    /**
     * The due dates of the timers of these process instances that belong to these events
     * (activities), as {@code (process instance, event, due date)}; timers without a due date left out.
     */
    List<TimerDue> timers(Collection<String> processInstanceIds, Collection<String> eventIds) {
        if (processInstanceIds.isEmpty() || eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT J.PROCESS_INSTANCE_ID_, D.ACT_ID_, J.DUEDATE_ FROM " + jobs + " J JOIN " + jobDefinitions
                        + " D ON D.ID_ = J.JOB_DEF_ID_ WHERE J.TYPE_ = '" + TimerEntity.TYPE + "' AND J.DUEDATE_ IS NOT NULL"
                        + " AND J.PROCESS_INSTANCE_ID_ IN (" + placeholders(processInstanceIds) + ") AND D.ACT_ID_ IN ("
                        + placeholders(eventIds) + ")",
                (row, n) -> new TimerDue(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
                Stream.concat(processInstanceIds.stream(), eventIds.stream()).toArray());
    }

    /** A pending timer's due date in a process instance. */
    record TimerDue(String processInstanceId, String eventId, Instant due) {
    }

    private static String placeholders(Collection<String> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    private static final class LinkedTaskRows {
        private final Task task;
        private final List<String> users = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();

        private LinkedTaskRows(Task task) {
            this.task = task;
        }
    }
}
