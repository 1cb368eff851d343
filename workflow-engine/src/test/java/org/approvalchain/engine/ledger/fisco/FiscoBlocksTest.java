package org.approvalchain.engine.ledger.fisco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.approvalchain.engine.ledger.Block;
import org.fisco.bcos.sdk.v3.client.protocol.response.BcosBlock;
import org.fisco.bcos.sdk.v3.utils.ObjectMapperFactory;
import org.junit.jupiter.api.Test;

class FiscoBlocksTest {

    @Test
    void blockWithTransactionHashesMapsHeaderParentAndSealerSignature() throws Exception {
        // field names as a FISCO BCOS 3 node sends them (txsRoot, sealerIndex)
        String json = """
                {"id":1,"jsonrpc":"2.0","result":{
                  "number":5,"hash":"0x05","parentInfo":[{"blockNumber":4,"blockHash":"0x04"}],
                  "timestamp":1700000000000,"stateRoot":"0xs","txsRoot":"0xt","receiptsRoot":"0xr",
                  "sealer":1,"sealerList":["0xnodeA","0xnodeB"],
                  "signatureList":[{"sealerIndex":0,"signature":"0xsigA"},{"sealerIndex":1,"signature":"0xsigB"}],
                  "transactions":["0xaa","0xbb"]}}""";
        BcosBlock.Block sdk = ObjectMapperFactory.getObjectMapper().readValue(json, BcosBlock.class).getBlock();

        Block block = FiscoLedger.toBlock(sdk);

        assertThat(block).isEqualTo(new Block(5, "0x05", "0x04", 1700000000000L, "0xs", "0xt", "0xr",
                List.of("0xaa", "0xbb"), "0xnodeB", "0xsigB"));
    }

    @Test
    void emptyGenesisBlockHasNoParentAndNoTransactions() {
        BcosBlock.Block sdk = new BcosBlock.Block();

        Block block = FiscoLedger.toBlock(sdk);

        assertThat(block.parentHash()).isNull();
        assertThat(block.transactionHashes()).isEmpty();
    }
}
