package org.approvalchain.engine.process;

import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * A variable of a case as its view and its access rules read it: its name, its value, and whether it
 * is the process instance's own (not local to an activity or a task).
 */
record CaseVariable(String name, Object value, boolean processLevel) {

    static CaseVariable of(HistoricVariableInstance variable) {
        return new CaseVariable(variable.getName(), variable.getValue(), atProcessLevel(variable));
    }

    /** Whether the variable is the process instance's own: its scope is the process instance itself. */
    static boolean atProcessLevel(HistoricVariableInstance variable) {
        return variable.getProcessInstanceId().equals(variable.getActivityInstanceId());
    }
}
