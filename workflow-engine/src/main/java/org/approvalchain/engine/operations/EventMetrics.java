package org.approvalchain.engine.operations;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.approvalchain.engine.audit.CaseVerified;
import org.approvalchain.engine.audit.Verification;
import org.approvalchain.engine.record.DecisionRecorded;
import org.approvalchain.engine.record.KeptDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What happens as it happens: the time from a task's creation to its signed decision on chain,
 * per process and step, once the decision's transaction has committed; and every verification of
 * a case against the chain, with its findings by kind. A metric that cannot be taken is logged,
 * never passed on to the decision.
 */
@Component
class EventMetrics {

    private static final Logger log = LoggerFactory.getLogger(EventMetrics.class);

    private final ProcessFigures figures;
    private final MeterRegistry registry;

    EventMetrics(ProcessFigures figures, MeterRegistry registry) {
        this.figures = figures;
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DecisionRecorded recorded) {
        KeptDecision decision = recorded.decision();
        try {
            figures.taskCreated(decision.taskId()).ifPresent(task -> Timer.builder("approvalchain.decision.latency")
                    .description("from a task's creation to its signed decision on chain, per process and step")
                    .tags("process", task.process(), "activity", task.activity())
                    .register(registry).record(Duration.between(task.at(), decision.recordedAt())));
        } catch (RuntimeException e) {
            log.warn("OPS-002 no latency taken for the decision of task {}: {}", decision.taskId(), e.getMessage());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseVerified verified) {
        Verification verification = verified.verification();
        registry.counter("approvalchain.verifier.runs", "clean", String.valueOf(verification.clean())).increment();
        verification.findings().forEach(f -> registry.counter("approvalchain.verifier.findings", "kind", f.kind().name())
                .increment());
    }
}
