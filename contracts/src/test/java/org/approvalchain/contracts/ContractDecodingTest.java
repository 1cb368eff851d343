package org.approvalchain.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.fisco.bcos.sdk.v3.codec.abi.FunctionEncoder;
import org.fisco.bcos.sdk.v3.codec.abi.TypeEncoder;
import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.fisco.bcos.sdk.v3.utils.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Call data and logs decode back, by the ABI alone, into what was encoded: the chain explorer's view of a transaction. */
class ContractDecodingTest {
    private static final String ISSUER = "0x00000000000000000000000000000000000000a1";
    private static final byte[] HOLDER = new byte[32];

    static {
        Arrays.fill(HOLDER, (byte) 0x5a);
    }

    private static ContractInterface licences(ChainCrypto crypto) {
        return new ContractInterface(Compiled.artifact("LicenseRegistry", crypto));
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void decodesCallDataIntoTheFunctionAndItsNamedArguments(ChainCrypto crypto) {
        byte[] input = Facades.of(crypto).licenses().issue("LIC-42", "营业执照", HOLDER, 1_700_000_000_000L, 1_800_000_000_000L);

        ContractCall call = licences(crypto).decodeCall(input).orElseThrow();

        assertThat(call.function().signature()).isEqualTo("issue(string,string,bytes32,uint256,uint256)");
        assertThat(call.arguments()).containsExactly(
            entry("licenseNo", "LIC-42"), entry("licenseType", "营业执照"), entry("holderHash", "0x" + "5a".repeat(32)),
            entry("validFrom", BigInteger.valueOf(1_700_000_000_000L)), entry("validUntil", BigInteger.valueOf(1_800_000_000_000L)));
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void callDataOfAnotherContractIsNotOneOfItsCalls(ChainCrypto crypto) {
        byte[] caseStep = Facades.of(crypto).cases().closeCase("case-1", "APPROVED");

        assertThat(licences(crypto).decodeCall(caseStep)).isEmpty();
        assertThat(licences(crypto).decodeCall(new byte[2])).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void callDataCutShortIsRefusedNamingTheFunction(ChainCrypto crypto) {
        byte[] input = Facades.of(crypto).licenses().revoke("LIC-42", "撤销");

        assertThatThrownBy(() -> licences(crypto).decodeCall(Arrays.copyOf(input, 20)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LicenseRegistry.revoke");
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void decodesALogIntoTheEventWithItsIndexedAndPlainFields(ChainCrypto crypto) {
        List<String> topics = List.of(Compiled.topic(crypto, "LicenseRevoked(string,address,string)"),
            Hex.toHexStringWithPrefix(TypeEncoder.encode(new Address(ISSUER))));
        byte[] data = FunctionEncoder.encodeConstructor(List.of(new Utf8String("LIC-42"), new Utf8String("被撤销")));

        ContractEvent event = licences(crypto).decodeEvent(topics, data).orElseThrow();

        assertThat(event.name()).isEqualTo("LicenseRevoked");
        assertThat(event.signature()).isEqualTo("LicenseRevoked(string,address,string)");
        assertThat(event.parameters()).extracting(AbiParameter::type).containsExactly("string", "address", "string");
        assertThat(event.fields()).containsExactly(entry("licenseNo", "LIC-42"), entry("revokedBy", ISSUER),
            entry("reason", "被撤销"));
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void aLogOfAnotherEventIsNotDecoded(ChainCrypto crypto) {
        List<String> topics = List.of(Compiled.topic(crypto, "StepRecorded(string,string,uint8,bytes32,uint256)"));
        byte[] data = FunctionEncoder.encodeConstructor(List.of(new Utf8String("c"), new Bytes32(HOLDER), new Uint256(1)));

        assertThat(licences(crypto).decodeEvent(topics, data)).isEmpty();
        assertThat(licences(crypto).decodeEvent(List.of(), data)).isEmpty();
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }
}
