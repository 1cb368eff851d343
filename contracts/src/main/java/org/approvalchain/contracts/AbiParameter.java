package org.approvalchain.contracts;

/**
 * One input or output of a contract function as the ABI declares it: its name ({@code _0},
 * {@code _1}, ... by position when the Solidity leaves it unnamed) and its canonical ABI type,
 * e.g. {@code uint256}, {@code bytes32}, {@code string}.
 */
public record AbiParameter(String name, String type) {
}
