package org.approvalchain.engine.process;

import org.approvalchain.engine.legal.Mode;
import org.approvalchain.engine.record.CaseRecord;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Makes a signed decision the only way through a manual (or assisted) user task, whatever path
 * tries to complete it: our API, Camunda's REST API, Tasklist or Java code. At parse time every
 * user task whose extension property {@code mode} is {@code manual} or {@code assisted} gets two
 * listeners: on create, the visit is counted; on complete, the task must have a verified decision
 * recorded on chain (see the case record), or completion is refused.
 */
@Component
class DecisionGuard extends AbstractProcessEnginePlugin {

    private static final String NAMESPACE = "http://camunda.org/schema/1.0/bpmn";

    private final CaseRecord record;

    DecisionGuard(CaseRecord record) {
        this.record = record;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (requiresSignedDecision(element)) {
                    var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, DecisionGuard::countVisit);
                    definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, DecisionGuard.this::requireDecision);
                }
            }
        });
    }

    static boolean requiresSignedDecision(Element userTask) {
        return Mode.of(property(userTask, "mode")).map(Mode::requiresSignedDecision).orElse(false);
    }

    private static void countVisit(DelegateTask task) {
        CaseContext.nextVisit(task.getExecution(), task.getTaskDefinitionKey());
    }

    private void requireDecision(DelegateTask task) {
        if (!record.isRecorded(task.getId())) {
            throw new BadUserRequestException("DECISION-001 task " + task.getId() + " (" + task.getName()
                    + ") can only be completed with a decision signed by the approver and recorded on chain: "
                    + "GET /api/tasks/" + task.getId() + "/decision-payload, sign it, POST /api/tasks/" + task.getId() + "/decision");
        }
    }

    private static String property(Element element, String name) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(
                new org.camunda.bpm.engine.impl.util.xml.Namespace(NAMESPACE), "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elementsNS(new org.camunda.bpm.engine.impl.util.xml.Namespace(NAMESPACE), "property")) {
            if (name.equals(property.attribute("name"))) {
                return property.attribute("value");
            }
        }
        return null;
    }
}
