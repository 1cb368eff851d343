package org.approvalchain.contracts;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.DynamicBytes;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint8;

/**
 * Typed ABI arguments built from Java values, each checked before it is encoded so that a bad
 * value fails here, naming the parameter, rather than as a revert or a silently wrong encoding.
 */
final class AbiArguments {
    private static final Pattern ADDRESS = Pattern.compile("(0x|0X)?[0-9a-fA-F]{40}");

    private AbiArguments() {
    }

    static Utf8String string(String parameter, String value) {
        return new Utf8String(Objects.requireNonNull(value, parameter + " must not be null"));
    }

    static Bytes32 bytes32(String parameter, byte[] value) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(parameter + " must be 32 bytes, got "
                + (value == null ? "null" : value.length + " bytes"));
        }
        return new Bytes32(value.clone());
    }

    static DynamicBytes bytes(String parameter, byte[] value) {
        return new DynamicBytes(Objects.requireNonNull(value, parameter + " must not be null").clone());
    }

    static Uint256 uint256(String parameter, long value) {
        return uint256(parameter, BigInteger.valueOf(value));
    }

    static Uint256 uint256(String parameter, BigInteger value) {
        Objects.requireNonNull(value, parameter + " must not be null");
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException(parameter + " must fit uint256, got " + value);
        }
        return new Uint256(value);
    }

    static Uint8 uint8(int value) {
        return new Uint8(value);
    }

    static Bool bool(boolean value) {
        return new Bool(value);
    }

    static Address address(String parameter, String value) {
        if (value == null || !ADDRESS.matcher(value).matches()) {
            throw new IllegalArgumentException(parameter + " must be a 20-byte hex address, got " + value);
        }
        return new Address(value);
    }
}
