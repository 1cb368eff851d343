package org.approvalchain.engine.explorer;

import java.util.List;

import org.approvalchain.engine.chain.Departments;

/**
 * A transaction with its receipt, decoded by the contracts' ABIs: sender and recipient, the
 * contract by name, the function with its arguments as sent ({@code function} null for a
 * deployment, whose {@code contract} is the one it created, or for call data no ABI decodes,
 * which {@code input} then shows as hex), status and revert reason, gas, the events with their
 * fields, the case and step it recorded when it was a case's write, and the department whose
 * account sent it (null for the engine's platform account or an unknown sender). A step recorded
 * with its call ({@code CaseLedger.recordCall}) names the call it made in {@code forwarded}.
 */
public record TransactionView(String hash, long blockNumber, long blockTimestamp, String from, String to, String contract,
                              boolean deployment, String function, String signature, List<Value> arguments, String input,
                              int status, boolean succeeded, String revertReason, long gasUsed, List<Event> events,
                              String caseId, String subject, Departments.Department department, Forwarded forwarded) {

    /** The call a {@code CaseLedger.recordCall} made for its sender: the contract by name, the function and its arguments. */
    public record Forwarded(String contract, String function, String signature, List<Value> arguments) {
    }

    /** A decoded argument or event field: its name and ABI type and its value as text (integers in decimal, bytes in 0x hex). */
    public record Value(String name, String type, String value) {
    }

    /**
     * An event the transaction emitted: the emitting contract, and the event with its fields when
     * that contract's ABI decodes it (else {@code name} is null and {@code topics} and {@code data}
     * are the raw log).
     */
    public record Event(int logIndex, String address, String contract, String name, String signature, List<Value> fields,
                        List<String> topics, String data) {
    }
}
