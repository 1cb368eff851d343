package org.approvalchain.engine.design;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deploys a designer's model through the deployment gate: a model with findings is refused with
 * all of them ({@link DeploymentRefused}), whoever asks and however it was checked before.
 */
public interface ModelDeployments {

    /** Deploys the BPMN XML under the name, as the user; the process versions it created. */
    List<DeployedVersion> deploy(String userId, String name, byte[] bpmnXml);

    /** Every deployed process version, by key then newest version first. */
    List<ProcessVersion> versions();

    /** The BPMN XML of a deployed version, as deployed; empty when there is no such version. */
    Optional<byte[]> bpmn(String processKey, int version);

    /** A deployed process version: when, and by whom when a user deployed it (not for the start-up deployment). */
    record ProcessVersion(String processKey, String name, int version, Instant deployedAt, String deployedBy) {
    }

    /** A process version a deployment created. */
    record DeployedVersion(String processKey, int version, String definitionId, String deploymentId) {
    }

    /** The gate (or Camunda's parser) refused the model; the message lists every finding. */
    final class DeploymentRefused extends RuntimeException {
        public DeploymentRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
