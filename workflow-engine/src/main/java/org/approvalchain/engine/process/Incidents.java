package org.approvalchain.engine.process;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * The engine's open incidents (a step that failed all its retries), for administrators: which case
 * and step, of what type, since when and why. Cockpit is where they are resolved.
 */
@Component
public class Incidents {

    private final RuntimeService runtime;
    private final HistoryService history;

    Incidents(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /** An open incident; {@code caseId} is null for one outside any case. */
    public record OpenIncident(String id, String caseId, String processDefinitionId, String activityId, String type,
                               String message, Instant since) {
    }

    /** Every open incident, newest first. */
    public List<OpenIncident> open() {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().list().stream().map(this::view).toList();
    }

    private OpenIncident view(Incident i) {
        String caseId = null;
        if (i.getProcessInstanceId() != null) {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(i.getProcessInstanceId()).singleResult();
            caseId = instance == null ? null : instance.getBusinessKey();
        }
        return new OpenIncident(i.getId(), caseId, i.getProcessDefinitionId(), i.getActivityId(), i.getIncidentType(),
                i.getIncidentMessage(), i.getIncidentTimestamp().toInstant());
    }
}
