package org.approvalchain.engine.ledger;

import java.math.BigInteger;
import java.util.UUID;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.ChainCrypto;
import org.fisco.bcos.sdk.jni.utilities.tx.TransactionBuilderV1JniObj;
import org.fisco.bcos.sdk.jni.utilities.tx.TxPair;
import org.fisco.bcos.sdk.v3.crypto.keypair.CryptoKeyPair;
import org.web3j.crypto.ContractUtils;
import org.web3j.utils.Numeric;

/**
 * A client that signs with the FISCO SDK's own native signer, as the SDK's transaction manager
 * does, in a JVM of its own (the SDK's native secp256k1 must not share a process with libevm).
 * Prints its address, a deployment of CaseLedger and an openCase call to the deployed address.
 *
 * <p>Arguments: crypto (ecdsa|sm), chain id, group id, block limit.
 */
public final class SdkTransactionWriter {

    private SdkTransactionWriter() {
    }

    public static void main(String[] args) throws Exception {
        ChainCrypto crypto = ChainCrypto.parse(args[0]);
        String chainId = args[1];
        String groupId = args[2];
        long blockLimit = Long.parseLong(args[3]);
        CryptoKeyPair account = crypto.newSuite().generateRandomKeyPair();
        CaseLedgerContract cases = new CaseLedgerContract(new AbiCodec(crypto));
        String contract = Numeric.toHexString(ContractUtils.generateContractAddress(
                Numeric.hexStringToByteArray(account.getAddress()), BigInteger.ZERO));
        TxPair deploy = sign(account, groupId, chainId, "", cases.deploymentData(), cases.artifact().abi(), blockLimit);
        TxPair open = sign(account, groupId, chainId, contract,
                cases.openCase("sdk-case", "business-registration:1:sdk", 1, new byte[32]), "", blockLimit);
        System.out.println(account.getAddress());
        System.out.println(contract);
        System.out.println(deploy.getSignedTx());
        System.out.println(open.getSignedTx());
    }

    private static TxPair sign(CryptoKeyPair account, String group, String chain, String to, byte[] input, String abi,
                               long blockLimit) throws Exception {
        return TransactionBuilderV1JniObj.createSignedTransactionWithFullFields(account.getJniKeyPair(), group, chain,
                to, UUID.randomUUID().toString().replace("-", ""), input, abi, blockLimit, "0x0", "0x0", 0, 0x1, "");
    }
}
