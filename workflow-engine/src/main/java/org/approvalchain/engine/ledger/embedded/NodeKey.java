package org.approvalchain.engine.ledger.embedded;

import java.math.BigInteger;
import java.nio.file.Path;

import org.approvalchain.engine.ledger.ChainSignatures;
import org.approvalchain.engine.ledger.KeyFile;
import org.web3j.utils.Numeric;

/** The embedded node's sealing key, kept with the data it signs (see {@link KeyFile}). */
record NodeKey(BigInteger privateKey, byte[] publicKey, String address) {

    static NodeKey loadOrCreate(Path file, ChainSignatures signatures) {
        BigInteger key = KeyFile.loadOrCreate(file);
        byte[] publicKey = signatures.publicKey(key);
        return new NodeKey(key, publicKey, Numeric.toHexString(signatures.address(publicKey)));
    }
}
