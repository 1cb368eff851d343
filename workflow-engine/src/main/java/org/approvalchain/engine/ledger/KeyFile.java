package org.approvalchain.engine.ledger;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.web3j.utils.Numeric;

/**
 * A private key kept as hex in a file of its own, readable by the owner only: the embedded node's
 * sealing key and the engine's department account. Created with a random key the first time, so
 * no key ever needs to be committed; production points at a file provisioned by the operator.
 */
public final class KeyFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFile() {
    }

    public static BigInteger loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Numeric.toBigInt(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            BigInteger key = new BigInteger(255, RANDOM).add(BigInteger.ONE);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Numeric.toHexStringNoPrefixZeroPadded(key, 64), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the data directory's permissions
            }
            return key;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("LEDGER-206 cannot read or create the key file " + file.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }
}
