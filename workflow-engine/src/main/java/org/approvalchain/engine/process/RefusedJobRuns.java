package org.approvalchain.engine.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.springframework.stereotype.Component;

/**
 * A refused call to run a job is not a failure of the job. Camunda hands whatever a call to run a
 * job at once ({@code POST /engine-rest/job/{id}/execute}) throws to its failed-job handling, which
 * takes a retry off the job and makes it due again a moment later: so anybody, refused with 403
 * because the case is not theirs, could bring a case's time limit forward to now (the job executor
 * then fires the timer days early) or use up a step's retries. Here such a refusal (an
 * {@link AuthorizationException}: Camunda's permission check, or one of our guards) of a caller
 * outside the job executor leaves the job as it was; a job that fails while it runs is handled as
 * Camunda handles it.
 */
@Component
class RefusedJobRuns extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory camundas = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, failure) -> Context.getJobExecutorContext() == null && refusal(failure)
                ? (Command<Object>) commandContext -> null
                : camundas.getCommand(jobId, failure));
    }

    private static boolean refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return true;
            }
        }
        return false;
    }
}
