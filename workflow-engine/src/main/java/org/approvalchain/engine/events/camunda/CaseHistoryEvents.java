package org.approvalchain.engine.events.camunda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.approvalchain.engine.events.CaseEventType;
import org.approvalchain.engine.events.CaseEvents;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Camunda's side of the case events: a history event handler beside Camunda's own (which still
 * writes the history), called inside the engine command, so in its transaction. A case (a root
 * process instance; call activities' instances belong to their case) started or ended, a task
 * created and an incident opened become case events; the case id is the root instance's business
 * key. Needs history level activity or above for cases and tasks, full for incidents (the engine
 * runs on full). The handler is registered by this plugin and is not a bean: the Camunda starter
 * adds a {@code HistoryEventHandler} bean to the engine itself, which would call it twice.
 */
@Component
class CaseHistoryEvents extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseEvents> events;

    CaseHistoryEvents(ObjectProvider<CaseEvents> events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent e) {
                publish(e);
            }

            @Override
            public void handleEvents(List<HistoryEvent> historyEvents) {
                historyEvents.forEach(CaseHistoryEvents.this::publish);
            }
        });
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private void publish(HistoryEvent e) {
        if (e instanceof HistoricProcessInstanceEventEntity p && p.getSuperProcessInstanceId() == null) {
            Map<String, Object> data = processData(p);
            if (p.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
                events.getObject().publish(CaseEventType.CASE_STARTED, p.getBusinessKey(), data, null);
            } else if (p.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
                data.put("state", p.getState());
                data.put("endActivityId", p.getEndActivityId());
                events.getObject().publish(CaseEventType.CASE_ENDED, p.getBusinessKey(), data, null);
            }
        } else if (e instanceof HistoricTaskInstanceEventEntity t && t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_CREATE)) {
            Map<String, Object> data = processData(t);
            data.put("taskId", t.getTaskId());
            data.put("activityId", t.getTaskDefinitionKey());
            data.put("name", t.getName());
            data.put("due", t.getDueDate() == null ? null : t.getDueDate().toInstant().toString());
            events.getObject().publish(CaseEventType.TASK_CREATED, caseId(t), data, null);
        } else if (e instanceof HistoricIncidentEventEntity i && i.isEventOfType(HistoryEventTypes.INCIDENT_CREATE)) {
            Map<String, Object> data = processData(i);
            data.put("incidentId", i.getId());
            data.put("incidentType", i.getIncidentType());
            data.put("activityId", i.getActivityId());
            data.put("message", i.getIncidentMessage());
            events.getObject().publish(CaseEventType.INCIDENT_CREATED, caseId(i), data, null);
        }
    }

    private static Map<String, Object> processData(HistoryEvent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("processKey", e.getProcessDefinitionKey());
        data.put("processDefinitionId", e.getProcessDefinitionId());
        data.put("processInstanceId", e.getProcessInstanceId());
        return data;
    }

    /** The business key of the event's root process instance, which this command has loaded; null outside a case. */
    private static String caseId(HistoryEvent e) {
        if (e.getRootProcessInstanceId() == null) {
            return null;
        }
        ExecutionEntity root = Context.getCommandContext().getExecutionManager().findExecutionById(e.getRootProcessInstanceId());
        return root == null ? null : root.getBusinessKey();
    }
}
