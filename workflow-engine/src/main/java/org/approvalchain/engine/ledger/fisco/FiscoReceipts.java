package org.approvalchain.engine.ledger.fisco;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.fisco.bcos.sdk.v3.client.protocol.response.Call;
import org.fisco.bcos.sdk.v3.transaction.codec.decode.RevertMessageParser;
import org.fisco.bcos.sdk.v3.utils.Hex;

/**
 * Maps the SDK's receipts and call outputs to the ledger's records. The revert reason is the
 * contract's {@code Error(string)} when the output carries one (Keccak or SM3 selector), else the
 * node's own message for a failed status.
 */
final class FiscoReceipts {

    private FiscoReceipts() {
    }

    static TransactionReceipt toReceipt(org.fisco.bcos.sdk.v3.model.TransactionReceipt receipt) {
        long blockNumber = receipt.getBlockNumber() == null ? -1 : receipt.getBlockNumber().longValueExact();
        List<EventLog> logs = new ArrayList<>();
        List<org.fisco.bcos.sdk.v3.model.TransactionReceipt.Logs> entries = receipt.getLogEntries();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            logs.add(toEvent(entries.get(i), blockNumber, receipt.getTransactionHash(), i));
        }
        return new TransactionReceipt(receipt.getTransactionHash(), blockNumber, receipt.getFrom(), receipt.getTo(),
                emptyToNull(receipt.getContractAddress()), receipt.getStatus(), bytes(receipt.getOutput()),
                revertReason(receipt.getStatus(), receipt.getOutput(), receipt.getMessage()),
                number(receipt.getGasUsed()), List.copyOf(logs));
    }

    static CallResult toCallResult(Call.CallOutput output) {
        return new CallResult(output.getStatus(), bytes(output.getOutput()),
                revertReason(output.getStatus(), output.getOutput(), null));
    }

    static EventLog toEvent(org.fisco.bcos.sdk.v3.model.TransactionReceipt.Logs log, long blockNumber,
                            String transactionHash, int logIndex) {
        List<String> topics = log.getTopics() == null ? List.of() : log.getTopics().stream().map(FiscoReceipts::prefixed).toList();
        return new EventLog(log.getAddress(), topics, bytes(log.getData()), blockNumber, transactionHash, logIndex);
    }

    /** {@code null} for success; the decoded {@code Error(string)}; else the node's message. */
    static String revertReason(int status, String output, String message) {
        if (status == TransactionReceipt.STATUS_OK) {
            return null;
        }
        var decoded = RevertMessageParser.tryResolveRevertMessage(status, output);
        if (Boolean.TRUE.equals(decoded.getValue1())) {
            return decoded.getValue2();
        }
        return message == null || message.isBlank() ? null : message;
    }

    static byte[] bytes(String hex) {
        return hex == null || Hex.trimPrefix(hex).isEmpty() ? new byte[0] : Hex.decode(Hex.trimPrefix(hex));
    }

    /** Gas and similar numbers come as decimal or 0x-hex strings depending on the node version. */
    static long number(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String trimmed = value.trim();
        return trimmed.startsWith("0x") || trimmed.startsWith("0X")
                ? new BigInteger(trimmed.substring(2), 16).longValueExact() : Long.parseLong(trimmed);
    }

    private static String prefixed(String hex) {
        return hex.startsWith("0x") ? hex : "0x" + hex;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
