package org.approvalchain.engine.legal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The automation map of one deployed process version: every task-like step with how it is decided
 * (mode), on what legal basis, whether it involves discretion, and who or what decides it (the
 * contract function and the SM3 hash of the contract's deployed runtime code, or the candidate
 * groups and users), with the number of steps per mode. Its canonical JSON
 * ({@link org.approvalchain.engine.crypto.CanonicalJson}) is what is hashed and anchored on chain.
 */
public record AutomationMap(String processKey, String processName, int version, List<MappedStep> steps,
                            ModeTotals totals) {

    public AutomationMap {
        steps = List.copyOf(steps);
    }

    /**
     * Maps {@code model} as version {@code version}; {@code codeHashes} gives the SM3 hash of a
     * contract's deployed code by contract name (null when the contract is unknown).
     */
    public static AutomationMap of(ProcessModel model, int version, Function<String, String> codeHashes) {
        List<MappedStep> steps = model.tasks().stream().map(t -> MappedStep.of(t, codeHashes)).toList();
        return new AutomationMap(model.id(), model.name(), version, steps, ModeTotals.of(steps));
    }

    /** One step of the map; contract fields are null for steps bound to no contract. */
    public record MappedStep(String id, String name, String type, Mode mode, String legalBasis,
                             String legalBasisUrl, boolean discretion, String contract, String function,
                             String codeHash, List<String> candidateGroups, List<String> candidateUsers) {

        public MappedStep {
            candidateGroups = List.copyOf(candidateGroups);
            candidateUsers = List.copyOf(candidateUsers);
        }

        /** The step's name, or its id when it has none: a label is never empty. */
        public String label() {
            return name == null || name.isBlank() ? id : name;
        }

        static MappedStep of(TaskElement task, Function<String, String> codeHashes) {
            String contract = task.property("contract");
            return new MappedStep(task.id(), task.name(), task.type(), Mode.of(task.property("mode")).orElse(null),
                    task.property("legalBasis"), task.property("legalBasisUrl"),
                    "true".equals(task.property("discretion")), contract, task.property("function"),
                    contract == null ? null : codeHashes.apply(contract), task.candidateGroups(), task.candidateUsers());
        }
    }

    /** How many steps the map has per mode. */
    public record ModeTotals(long automatic, long assisted, long manual) {

        static ModeTotals of(List<MappedStep> steps) {
            Map<Mode, Long> counts = steps.stream().filter(s -> s.mode() != null)
                    .collect(Collectors.groupingBy(MappedStep::mode, Collectors.counting()));
            return new ModeTotals(counts.getOrDefault(Mode.AUTOMATIC, 0L), counts.getOrDefault(Mode.ASSISTED, 0L),
                    counts.getOrDefault(Mode.MANUAL, 0L));
        }
    }
}
