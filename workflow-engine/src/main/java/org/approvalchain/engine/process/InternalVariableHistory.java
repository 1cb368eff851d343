package org.approvalchain.engine.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Camunda's history, written as Camunda writes it, without the variables the engine keeps for itself
 * ({@link CaseContext#isInternal}: the visit counters). They are never shown as case data and never
 * read from history, yet each visit would write a historic variable and a historic detail row, with
 * their indexes: 6 of a business registration's 21 historic variables. Camunda's own
 * database handler is replaced by one that leaves their events out (all of them, so that no update
 * looks for a row that was never written); any other handler still sees every event.
 */
@Component
class InternalVariableHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new DbHistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                if (!(event instanceof HistoricVariableUpdateEventEntity variable
                        && CaseContext.isInternal(variable.getVariableName()))) {
                    super.handleEvent(event);
                }
            }
        });
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
