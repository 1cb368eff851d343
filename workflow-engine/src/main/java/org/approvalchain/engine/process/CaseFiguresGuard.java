package org.approvalchain.engine.process;

import java.util.Set;

import org.approvalchain.engine.identity.UserDirectory;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Figures across the cases of a process (how many run, wait or failed at each step, how long they
 * took, per candidate group) and the engine's metrics are for administrators and the {@value
 * UserDirectory#METRICS} group: Camunda's REST API answered them to any user, an applicant included.
 * Anyone else signed in to Camunda's REST API or webapps is refused those queries and reports (403,
 * {@code FIGURES-001}); the engine's own code is not affected. Our API's figures have their own
 * rules (the automation map, the metrics endpoint).
 */
@Component
class CaseFiguresGuard extends CommandGuard {

    private static final Logger log = LoggerFactory.getLogger(CaseFiguresGuard.class);

    /** The queries and reports of figures, by simple class name (a report's command by the report it belongs to). */
    static final Set<String> FIGURES = Set.of("MetricsQueryImpl", "GetUniqueTaskWorkerCountCmd",
            "ProcessDefinitionStatisticsQueryImpl", "ActivityStatisticsQueryImpl", "DeploymentStatisticsQueryImpl",
            "BatchStatisticsQueryImpl", "HistoricActivityStatisticsQueryImpl", "HistoricCaseActivityStatisticsQueryImpl",
            "HistoricDecisionInstanceStatisticsQueryImpl", "HistoricProcessInstanceReportImpl",
            "HistoricTaskInstanceReportImpl", "TaskReportImpl", "CleanableHistoricProcessInstanceReportImpl",
            "CleanableHistoricDecisionInstanceReportImpl", "CleanableHistoricCaseInstanceReportImpl",
            "CleanableHistoricBatchReportImpl");

    @Override
    void before(ProcessEngineConfigurationImpl configuration, Command<?> command) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user == null || !isFigures(command.getClass())) {
            return;
        }
        if (!memberOfAny(user, UserDirectory.ADMINS, UserDirectory.METRICS)) {
            String name = command.getClass().getSimpleName();
            log.warn("FIGURES-001 refused {} to {}", name, user.getUserId());
            throw new AuthorizationException("FIGURES-001 " + name + " is refused to " + user.getUserId()
                    + ": figures across cases are for administrators and the " + UserDirectory.METRICS + " group");
        }
    }

    private static boolean isFigures(Class<?> command) {
        return FIGURES.contains(command.getSimpleName())
                || command.getEnclosingClass() != null && FIGURES.contains(command.getEnclosingClass().getSimpleName());
    }
}
