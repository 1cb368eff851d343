package org.approvalchain.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks evidence against the chain itself, as a legal reviewer would: a transaction hash is only
 * evidence if the block it is said to be in lists it ({@code GET /api/ledger/blocks/{n}}).
 */
public class ChainEvidence {

    void assertInBlock(String what, String txHash, long blockNumber) {
        assertThat(txHash).as(what + ": transaction hash").matches("0x[0-9a-f]{64}");
        assertThat(blockNumber).as(what + ": block").isPositive();
        JsonNode block = CaseUnderReview.as(CaseUnderReview.OFFICER).block(blockNumber);
        List<String> transactions = new ArrayList<>();
        block.path("transactionHashes").forEach(tx -> transactions.add(tx.asText()));
        assertThat(transactions).as(what + ": the transactions of block " + blockNumber).contains(txHash);
    }

    /** The step's {@code CaseLedger.recordStep} transaction and, for a contract step, the contract call's. */
    void assertStepOnChain(JsonNode step) {
        String activity = step.path("activityId").asText();
        assertInBlock(activity + " recorded in CaseLedger", step.path("stepTxHash").asText(), step.path("stepBlock").asLong());
        if ("AUTOMATIC".equals(step.path("kind").asText())) {
            assertInBlock(activity + ": call of " + step.path("contract").asText() + "." + step.path("function").asText(),
                    step.path("callTxHash").asText(), step.path("callBlock").asLong());
        }
    }
}
