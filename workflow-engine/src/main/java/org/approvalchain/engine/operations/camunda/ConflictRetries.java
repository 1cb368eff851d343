package org.approvalchain.engine.operations.camunda;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A job that lost an optimistic-locking race is retried at once. On several engine nodes the two
 * branches of a parallel gateway (e.g. the name and materials checks of a business registration)
 * may run at the same moment on two nodes; the second to commit the join loses. Camunda keeps the
 * job's retries for such a conflict but waits out the failed-job retry cycle (a minute, see
 * application.yml) before trying again, so the case stood still for a minute. Here the job is only
 * unlocked: the next acquisition takes it, and it finds the join done. Every other failure follows
 * the retry cycle as before. A retried contract step resends its journalled transaction (exactly
 * once per write key), so retrying costs no second write on chain.
 */
@Component
class ConflictRetries extends AbstractProcessEnginePlugin implements FailedJobCommandFactory {

    private final FailedJobCommandFactory otherFailures = new DefaultFailedJobCommandFactory();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(this);
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        return exception instanceof OptimisticLockingException
                ? new RetryAtOnce(jobId, exception)
                : otherFailures.getCommand(jobId, exception);
    }

    /** Unlocks the job, its retries, due date and exception untouched, and wakes the acquisition. */
    private static final class RetryAtOnce extends JobRetryCmd {

        RetryAtOnce(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job != null) {
                job.unlock();
                notifyAcquisition(commandContext);
            }
            return null;
        }
    }
}
