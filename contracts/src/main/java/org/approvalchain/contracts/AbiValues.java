package org.approvalchain.contracts;

import java.math.BigInteger;
import java.util.List;

import org.fisco.bcos.sdk.v3.codec.datatypes.Type;

/**
 * Decoded ABI values in declaration order, read back as plain Java values. Addresses come back as
 * 0x-prefixed lower-case hex; integers that the contracts only use for counts, versions and times
 * come back as {@code long} and fail loudly if they do not fit.
 */
record AbiValues(List<Type> values) {

    String string(int index) {
        return (String) values.get(index).getValue();
    }

    byte[] bytes(int index) {
        return ((byte[]) values.get(index).getValue()).clone();
    }

    BigInteger uint(int index) {
        return (BigInteger) values.get(index).getValue();
    }

    long uintAsLong(int index) {
        return uint(index).longValueExact();
    }

    int uintAsInt(int index) {
        return uint(index).intValueExact();
    }

    boolean bool(int index) {
        return (Boolean) values.get(index).getValue();
    }

    String address(int index) {
        return values.get(index).toString();
    }
}
