package org.approvalchain.engine.ledger.fisco;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.fisco.bcos.sdk.v3.client.protocol.response.Call;
import org.fisco.bcos.sdk.v3.utils.Hex;
import org.junit.jupiter.api.Test;

class FiscoReceiptsTest {

    private static final String TX = "0x" + "ab".repeat(32);
    private static final String CONTRACT = "0x" + "12".repeat(20);

    @Test
    void revertedReceiptCarriesTheContractsErrorString() {
        var sdk = receipt(16, "0x08c379a0" + abiString("step already recorded"), "Revert instruction");

        TransactionReceipt receipt = FiscoReceipts.toReceipt(sdk);

        assertThat(receipt.succeeded()).isFalse();
        assertThat(receipt.status()).isEqualTo(TransactionReceipt.STATUS_REVERTED);
        assertThat(receipt.revertReason()).isEqualTo("step already recorded");
        assertThat(receipt.output()).startsWith(0x08, (byte) 0xc3, 0x79, (byte) 0xa0);
    }

    @Test
    void smChainsRevertSelectorIsDecodedToo() {
        var sdk = receipt(16, "0xc703cb12" + abiString("not allowed"), "Revert instruction");

        assertThat(FiscoReceipts.toReceipt(sdk).revertReason()).isEqualTo("not allowed");
    }

    @Test
    void failureWithoutErrorStringFallsBackToTheNodesMessage() {
        var sdk = receipt(12, "0x", "OutOfGas");

        assertThat(FiscoReceipts.toReceipt(sdk).revertReason()).isEqualTo("OutOfGas");
    }

    @Test
    void successfulReceiptMapsFieldsAndLogsInOrder() {
        var sdk = receipt(0, "0x" + "00".repeat(31) + "01", null);
        sdk.setLogEntries(List.of(log(CONTRACT, "0x" + "aa".repeat(32), "0x0102"), log(CONTRACT, "bb".repeat(32), "")));

        TransactionReceipt receipt = FiscoReceipts.toReceipt(sdk);

        assertThat(receipt.succeeded()).isTrue();
        assertThat(receipt.revertReason()).isNull();
        assertThat(receipt.transactionHash()).isEqualTo(TX);
        assertThat(receipt.blockNumber()).isEqualTo(7);
        assertThat(receipt.gasUsed()).isEqualTo(21000);
        assertThat(receipt.output()).hasSize(32).endsWith(1);
        assertThat(receipt.logs()).usingRecursiveFieldByFieldElementComparator().containsExactly(
                new EventLog(CONTRACT, List.of("0x" + "aa".repeat(32)), new byte[] {1, 2}, 7, TX, 0),
                new EventLog(CONTRACT, List.of("0x" + "bb".repeat(32)), new byte[0], 7, TX, 1));
    }

    @Test
    void callOutputMapsStatusOutputAndRevertReason() {
        Call.CallOutput output = new Call.CallOutput();
        output.setStatus(16);
        output.setOutput("0x08c379a0" + abiString("unknown case"));

        var result = FiscoReceipts.toCallResult(output);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.revertReason()).isEqualTo("unknown case");
    }

    private static org.fisco.bcos.sdk.v3.model.TransactionReceipt receipt(int status, String output, String message) {
        var receipt = new org.fisco.bcos.sdk.v3.model.TransactionReceipt();
        receipt.setTransactionHash(TX);
        receipt.setBlockNumber(BigInteger.valueOf(7));
        receipt.setFrom("0x" + "34".repeat(20));
        receipt.setTo(CONTRACT);
        receipt.setContractAddress("");
        receipt.setStatus(status);
        receipt.setOutput(output);
        receipt.setMessage(message);
        receipt.setGasUsed("21000");
        return receipt;
    }

    private static org.fisco.bcos.sdk.v3.model.TransactionReceipt.Logs log(String address, String topic, String data) {
        var log = new org.fisco.bcos.sdk.v3.model.TransactionReceipt.Logs();
        log.setAddress(address);
        log.setTopics(List.of(topic));
        log.setData(data);
        return log;
    }

    /** ABI encoding of one {@code string} argument: offset, length, padded bytes. */
    private static String abiString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[(bytes.length + 31) / 32 * 32];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return word(32) + word(bytes.length) + Hex.toHexString(padded);
    }

    private static String word(long value) {
        return String.format("%064x", value);
    }
}
