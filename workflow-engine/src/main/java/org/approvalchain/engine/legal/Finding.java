package org.approvalchain.engine.legal;

/**
 * One broken rule of the legal gate, naming the process, the element and the rule (a stable code
 * such as {@code LEGAL-004}, see docs/legal-gate.md).
 */
public record Finding(String processId, String processName, String elementId, String elementName, String rule,
                      String message) {

    /** A line for logs and deployment errors. */
    public String describe() {
        return rule + " process '" + processId + "' (" + nameOrDash(processName) + "), element '" + elementId + "' ("
                + nameOrDash(elementName) + "): " + message;
    }

    private static String nameOrDash(String name) {
        return name == null || name.isBlank() ? "-" : name;
    }
}
