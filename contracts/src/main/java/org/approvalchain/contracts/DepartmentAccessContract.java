package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.address;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.indexed;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;

/**
 * The calls and events every ApprovalChain contract inherits from {@code DepartmentAccess.sol}:
 * the admin grants and revokes department writers and hands over the admin role. Each facade
 * extends this class as its contract extends the Solidity base, and it also knows the contract's
 * compiled artefact, whose bytecode is the whole deployment data (no constructor arguments).
 */
public abstract class DepartmentAccessContract {
    private static final Event ADMIN_TRANSFERRED =
        event("AdminTransferred", indexed(Address.class), indexed(Address.class));
    private static final Event WRITER_GRANTED =
        event("WriterGranted", indexed(Address.class), plain(Utf8String.class));
    private static final Event WRITER_REVOKED = event("WriterRevoked", indexed(Address.class));
    private static final Event TRUSTED_FORWARDER_SET = event("TrustedForwarderSet", indexed(Address.class));

    protected final AbiCodec codec;
    private final ContractArtifact artifact;

    protected DepartmentAccessContract(String name, AbiCodec codec) {
        this.codec = codec;
        this.artifact = ContractArtifact.load(name, codec.crypto());
    }

    /** The compiled ABI and bytecode of this contract for the codec's kind of chain. */
    public ContractArtifact artifact() {
        return artifact;
    }

    /** The data of the deploying transaction: the creation bytecode, as there are no arguments. */
    public byte[] deploymentData() {
        return artifact.bytecode().clone();
    }

    public byte[] grantWriter(String account, String department) {
        return codec.encodeCall("grantWriter", address("account", account), string("department", department));
    }

    public byte[] revokeWriter(String account) {
        return codec.encodeCall("revokeWriter", address("account", account));
    }

    public byte[] transferAdmin(String newAdmin) {
        return codec.encodeCall("transferAdmin", address("newAdmin", newAdmin));
    }

    /** Makes {@code forwarder} (the case ledger) the one contract whose calls speak for the writer named at their end. */
    public byte[] setTrustedForwarder(String forwarder) {
        return codec.encodeCall("setTrustedForwarder", address("forwarder", forwarder));
    }

    public byte[] trustedForwarder() {
        return codec.encodeCall("trustedForwarder");
    }

    public String decodeTrustedForwarder(byte[] output) {
        return codec.decodeOutput("trustedForwarder", output, Address.class).address(0);
    }

    public byte[] isWriter(String account) {
        return codec.encodeCall("isWriter", address("account", account));
    }

    public byte[] departmentOf(String account) {
        return codec.encodeCall("departmentOf", address("account", account));
    }

    public byte[] admin() {
        return codec.encodeCall("admin");
    }

    public boolean decodeIsWriter(byte[] output) {
        return codec.decodeOutput("isWriter", output, Bool.class).bool(0);
    }

    public String decodeDepartmentOf(byte[] output) {
        return codec.decodeOutput("departmentOf", output, Utf8String.class).string(0);
    }

    public String decodeAdmin(byte[] output) {
        return codec.decodeOutput("admin", output, Address.class).address(0);
    }

    public Optional<AdminTransferred> adminTransferred(List<String> topics, byte[] data) {
        return codec.decodeEvent(ADMIN_TRANSFERRED, topics, data)
            .map(v -> new AdminTransferred(v.address(0), v.address(1)));
    }

    public Optional<WriterGranted> writerGranted(List<String> topics, byte[] data) {
        return codec.decodeEvent(WRITER_GRANTED, topics, data)
            .map(v -> new WriterGranted(v.address(0), v.string(1)));
    }

    public Optional<WriterRevoked> writerRevoked(List<String> topics, byte[] data) {
        return codec.decodeEvent(WRITER_REVOKED, topics, data).map(v -> new WriterRevoked(v.address(0)));
    }

    public Optional<TrustedForwarderSet> trustedForwarderSet(List<String> topics, byte[] data) {
        return codec.decodeEvent(TRUSTED_FORWARDER_SET, topics, data).map(v -> new TrustedForwarderSet(v.address(0)));
    }

    /** The admin role passed from one account to another (from the zero address at deployment). */
    public record AdminTransferred(String previousAdmin, String newAdmin) {
    }

    /** An account became a writer for a department. */
    public record WriterGranted(String account, String department) {
    }

    /** An account lost its writer role. */
    public record WriterRevoked(String account) {
    }

    /** The contract whose calls speak for the writer appended to them (the case ledger), or the zero address: none. */
    public record TrustedForwarderSet(String forwarder) {
    }
}
