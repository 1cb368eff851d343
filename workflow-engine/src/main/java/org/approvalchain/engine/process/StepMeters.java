package org.approvalchain.engine.process;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.approvalchain.engine.chain.CaseChain;
import org.springframework.stereotype.Component;

/**
 * Times each contract-bound step as {@code approvalchain.contract.step}, from its job starting (the
 * delegate called) to the receipt of its transaction, previews included, per contract, function and
 * outcome: {@code succeeded}, {@code reverted}, or {@code failed} when no receipt came back (the chain
 * unreachable or refusing: the job is retried). A histogram, with a bucket at 50 ms (issue 13's
 * target for a step's p99), so that percentiles can be read from the scraped buckets.
 */
@Component
class StepMeters {

    /** The target for a contract step at one case in flight, and a bucket of the histogram. */
    static final Duration TARGET = Duration.ofMillis(50);

    private final MeterRegistry registry;

    StepMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Starts timing a step, when its job starts. */
    Timer.Sample start() {
        return Timer.start(registry);
    }

    /** Runs the step's call, then stops {@code started} with the outcome. */
    CaseChain.RecordedCall timed(StepBinding binding, Timer.Sample started, Supplier<CaseChain.RecordedCall> call) {
        String outcome = "failed";
        try {
            CaseChain.RecordedCall done = call.get();
            outcome = done.receipt().succeeded() && done.call().succeeded() ? "succeeded" : "reverted";
            return done;
        } finally {
            started.stop(Timer.builder("approvalchain.contract.step")
                    .description("a contract-bound step from its job's start to its receipt, per contract, function and outcome")
                    .tags("contract", binding.contract(), "function", binding.function(), "outcome", outcome)
                    .publishPercentileHistogram()
                    .serviceLevelObjectives(TARGET)
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
        }
    }
}
