package org.approvalchain.engine.legal;

import java.util.List;

/**
 * Checks a BPMN model against the legal gate without deploying it, with the same rules the
 * deployment gate applies to every deployment ({@code POST /api/models/validate}).
 */
public interface ModelValidator {

    /**
     * Every finding of the BPMN XML, empty when it may be deployed.
     *
     * @throws IllegalArgumentException when the XML is not a BPMN model, with the parser's message
     */
    List<Finding> validate(byte[] bpmnXml);

    /**
     * Whether the BPMN XML has a process the engine can run ({@code isExecutable="true"}), read as
     * {@link #validate} reads it, without the legal gate (which the deployment applies itself).
     *
     * @throws IllegalArgumentException when the XML is not a BPMN model, with the parser's message
     */
    boolean hasExecutableProcess(byte[] bpmnXml);
}
