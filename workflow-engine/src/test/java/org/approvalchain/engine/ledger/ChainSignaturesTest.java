package org.approvalchain.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import org.approvalchain.contracts.ChainCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

class ChainSignaturesTest {

    private final Random random = new Random(13);

    @Test
    void signsSecp256k1ExactlyAsWeb3jDoes() {
        ChainSignatures ecdsa = ChainSignatures.of(ChainCrypto.ECDSA);
        for (int i = 0; i < 200; i++) {
            BigInteger key = new BigInteger(256, random).mod(Sign.CURVE_PARAMS.getN().subtract(BigInteger.ONE)).add(BigInteger.ONE);
            byte[] hash = ecdsa.hash(BigInteger.valueOf(i).toByteArray());
            Sign.SignatureData web3j = Sign.signMessage(hash, ECKeyPair.create(key), false);

            byte[] signature = ecdsa.sign(hash, key);

            assertThat(Arrays.copyOfRange(signature, 0, 32)).isEqualTo(web3j.getR());
            assertThat(Arrays.copyOfRange(signature, 32, 64)).isEqualTo(web3j.getS());
            assertThat(signature[64]).isEqualTo((byte) (web3j.getV()[0] - 27));
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void aSignatureYieldsTheKeyThatMadeItAndNoOtherHash(ChainCrypto crypto) {
        ChainSignatures signatures = ChainSignatures.of(crypto);
        BigInteger first = new BigInteger(250, random).add(BigInteger.ONE);
        BigInteger second = new BigInteger(250, random).add(BigInteger.ONE);
        for (BigInteger key : new BigInteger[] {first, second, first}) {
            byte[] hash = signatures.hash(key.toByteArray());
            byte[] signature = signatures.sign(hash, key);

            assertThat(signatures.signer(hash, signature)).hasValue(signatures.publicKey(key));
            byte[] otherHash = signatures.hash(hash);
            assertThat(signatures.signer(otherHash, signature)).isNotEqualTo(java.util.Optional.of(signatures.publicKey(key)));
        }
    }
}
