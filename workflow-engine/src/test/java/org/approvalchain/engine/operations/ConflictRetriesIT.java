package org.approvalchain.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the engine does with a job that failed, through the command Camunda's job executor runs for
 * it: a lost optimistic-locking race (two nodes on the branches of one parallel gateway) leaves the
 * job as it was, unlocked, for the next acquisition; any other failure follows the retry cycle (one
 * retry fewer, due a minute later). The job here is the time limit of a case at the officer's review.
 */
@SharedEngine
class ConflictRetriesIT {

    private static final String NODE = "the-node-that-lost";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void aJobThatLostARaceIsUnlockedAsItWasAndAnyOtherFailureWaitsForItsRetry() {
        String caseId = BusinessRegistration.atTheOfficersReview(ApiClient.demoUser("http://localhost:" + port, "wang.fang"),
                Duration.ofSeconds(60));
        String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).singleResult().getId();
        Job timeLimit = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers()
                .singleResult();

        lock(timeLimit.getId());
        fail(timeLimit.getId(), new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity' failed"));
        JobEntity afterConflict = job(timeLimit.getId());
        assertThat(afterConflict.getLockOwner()).isNull();
        assertThat(afterConflict.getLockExpirationTime()).isNull();
        assertThat(afterConflict.getRetries()).isEqualTo(timeLimit.getRetries());
        assertThat(afterConflict.getDuedate()).isEqualTo(timeLimit.getDuedate());
        assertThat(afterConflict.getExceptionMessage()).isNull();

        Instant beforeFailure = Instant.now();
        lock(timeLimit.getId());
        fail(timeLimit.getId(), new IllegalStateException("LEDGER-302 no receipt within PT30S"));
        JobEntity afterFailure = job(timeLimit.getId());
        assertThat(afterFailure.getLockOwner()).isNull();
        assertThat(afterFailure.getRetries()).isEqualTo(timeLimit.getRetries() - 1);
        assertThat(afterFailure.getDuedate()).isAfterOrEqualTo(Date.from(beforeFailure.plus(Duration.ofSeconds(59))));
        assertThat(afterFailure.getExceptionMessage()).contains("LEDGER-302");
    }

    /** Locks the job for another node, as its acquisition would. */
    private void lock(String jobId) {
        configuration().getCommandExecutorTxRequired().execute(context -> {
            JobEntity job = context.getJobManager().findJobById(jobId);
            job.setLockOwner(NODE);
            job.setLockExpirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
            return null;
        });
    }

    /** Runs the command the job executor runs for a job that failed with {@code exception}. */
    private void fail(String jobId, Throwable exception) {
        configuration().getCommandExecutorTxRequired().execute(configuration().getFailedJobCommandFactory()
                .getCommand(jobId, exception));
    }

    private JobEntity job(String jobId) {
        return configuration().getCommandExecutorTxRequired().execute(context -> context.getJobManager().findJobById(jobId));
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
