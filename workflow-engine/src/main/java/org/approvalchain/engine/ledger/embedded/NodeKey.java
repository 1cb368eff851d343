package org.approvalchain.engine.ledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.approvalchain.engine.ledger.ChainSignatures;
import org.web3j.utils.Numeric;

/**
 * The embedded node's sealing key: created on first start in the data directory (readable by the
 * owner only) and loaded afterwards. It lives with the data it signs and is never committed.
 */
record NodeKey(BigInteger privateKey, byte[] publicKey, String address) {

    static NodeKey loadOrCreate(Path file, ChainSignatures signatures) {
        try {
            BigInteger key;
            if (Files.exists(file)) {
                key = Numeric.toBigInt(Files.readString(file, StandardCharsets.US_ASCII).trim());
            } else {
                key = new BigInteger(255, new SecureRandom()).add(BigInteger.ONE);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Numeric.toHexStringNoPrefixZeroPadded(key, 64), StandardCharsets.US_ASCII);
                restrictToOwner(file);
            }
            byte[] publicKey = signatures.publicKey(key);
            return new NodeKey(key, publicKey, Numeric.toHexString(signatures.address(publicKey)));
        } catch (IOException e) {
            throw new UncheckedIOException("LEDGER-206 cannot read or create the node key " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the data directory's permissions
        }
    }
}
