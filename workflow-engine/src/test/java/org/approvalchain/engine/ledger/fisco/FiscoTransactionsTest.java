package org.approvalchain.engine.ledger.fisco;

import static org.assertj.core.api.Assertions.assertThat;

import org.approvalchain.engine.ledger.SealedTransaction;
import org.fisco.bcos.sdk.v3.client.protocol.response.BcosTransaction;
import org.fisco.bcos.sdk.v3.utils.ObjectMapperFactory;
import org.junit.jupiter.api.Test;

class FiscoTransactionsTest {

    private static SealedTransaction mapped(String result) throws Exception {
        String json = "{\"id\":1,\"jsonrpc\":\"2.0\",\"result\":" + result + "}";
        return FiscoLedger.toTransaction(ObjectMapperFactory.getObjectMapper().readValue(json, BcosTransaction.class)
                .getTransaction().orElseThrow());
    }

    @Test
    void callMapsSenderRecipientCallDataNonceAndBlockLimit() throws Exception {
        // field names as a FISCO BCOS 3 node sends them for getTransaction
        SealedTransaction tx = mapped("""
                {"version":0,"hash":"0xaa","nonce":"5f2c","blockLimit":542,"to":"0x00000000000000000000000000000000000000c1",
                 "from":"0x00000000000000000000000000000000000000f1","input":"0x12345678ff","chainID":"chain0",
                 "groupID":"group0","signature":"0x01","importTime":1700000000000}""");

        assertThat(tx.hash()).isEqualTo("0xaa");
        assertThat(tx.from()).isEqualTo("0x00000000000000000000000000000000000000f1");
        assertThat(tx.to()).isEqualTo("0x00000000000000000000000000000000000000c1");
        assertThat(tx.input()).containsExactly(0x12, 0x34, 0x56, 0x78, 0xff);
        assertThat(tx.nonce()).isEqualTo("5f2c");
        assertThat(tx.blockLimit()).isEqualTo(542);
        assertThat(tx.isDeployment()).isFalse();
    }

    @Test
    void aTransactionWithoutRecipientIsADeployment() throws Exception {
        SealedTransaction tx = mapped("""
                {"version":0,"hash":"0xbb","nonce":"1","blockLimit":9,"to":"","from":"0x01","input":"0x6080"}""");

        assertThat(tx.isDeployment()).isTrue();
        assertThat(tx.input()).containsExactly(0x60, 0x80);
    }
}
