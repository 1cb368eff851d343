package org.approvalchain.engine.process;

import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.approvalchain.engine.chain.CaseChain;
import org.springframework.stereotype.Component;

/**
 * Times the contract call of each contract-bound step as {@code approvalchain.contract.step}, per
 * contract, function and outcome: {@code succeeded}, {@code reverted}, or {@code failed} when no
 * receipt came back (the chain unreachable or refusing: the job is retried).
 */
@Component
class StepMeters {

    private final MeterRegistry registry;

    StepMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    CaseChain.RecordedCall timed(StepBinding binding, Supplier<CaseChain.RecordedCall> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            CaseChain.RecordedCall done = call.get();
            outcome = done.receipt().succeeded() && done.call().succeeded() ? "succeeded" : "reverted";
            return done;
        } finally {
            sample.stop(Timer.builder("approvalchain.contract.step")
                    .description("the contract call of a contract-bound step, per contract, function and outcome")
                    .tags("contract", binding.contract(), "function", binding.function(), "outcome", outcome)
                    .register(registry));
        }
    }
}
