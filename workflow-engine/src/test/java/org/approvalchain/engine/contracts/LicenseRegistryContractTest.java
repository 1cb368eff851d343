package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.ContractInterface;
import org.approvalchain.contracts.LicenseRegistryContract;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LicenseRegistryContractTest {

    private static final byte[] HOLDER = filled(3);
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void issuesALicenceValidForItsHolderWithinItsPeriodUntilRevoked(ChainCrypto crypto) {
        LicenseRegistryContract licences = new LicenseRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(licences, "市场监督管理局");
            long now = chain.now();
            TransactionReceipt issued = chain.ok(chain.department, at, licences.issue("L-1", "营业执照", HOLDER, now - DAY, now + 365 * DAY));
            chain.ok(chain.department, at, licences.issue("L-future", "营业执照", HOLDER, now + DAY, now + 2 * DAY));
            chain.ok(chain.department, at, licences.issue("L-expired", "营业执照", HOLDER, now - 2 * DAY, now - DAY));

            assertThat(licences.licenseIssued(issued.logs().get(0).topics(), issued.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.licenseNo()).isEqualTo("L-1");
                        assertThat(e.licenseType()).isEqualTo("营业执照");
                        assertThat(e.holderHash()).isEqualTo(HOLDER);
                        assertThat(e.issuer()).isEqualTo(chain.department.address());
                        assertThat(e.validFrom()).isEqualTo(now - DAY);
                        assertThat(e.validUntil()).isEqualTo(now + 365 * DAY);
                    });
            var status = licences.decodeLicenseStatus(chain.read(at, licences.verify("L-1", HOLDER)));
            assertThat(status.valid()).isTrue();
            assertThat(status.licenseType()).isEqualTo("营业执照");
            assertThat(status.issuer()).isEqualTo(chain.department.address());
            assertThat(status.validFrom()).isEqualTo(now - DAY);
            assertThat(status.validUntil()).isEqualTo(now + 365 * DAY);
            assertThat(licences.decodeLicenseStatus(chain.read(at, licences.verify("L-1", filled(4)))).valid()).isFalse();
            assertThat(licences.decodeLicenseStatus(chain.read(at, licences.verify("L-future", HOLDER))).valid()).isFalse();
            assertThat(licences.decodeLicenseStatus(chain.read(at, licences.verify("L-expired", HOLDER))).valid()).isFalse();
            assertThat(licences.decodeLicenseStatus(chain.read(at, licences.verify("L-unknown", HOLDER))).valid()).isFalse();
            assertThat(chain.reverts(chain.department, at, licences.issue("L-1", "营业执照", HOLDER, now, now + DAY)))
                    .isEqualTo("LicenseRegistry: licence number already issued");

            TransactionReceipt revoked = chain.ok(chain.admin, at, licences.revoke("L-1", "business dissolved"));
            assertThat(licences.licenseRevoked(revoked.logs().get(0).topics(), revoked.logs().get(0).data())).get()
                    .isEqualTo(new LicenseRegistryContract.LicenseRevoked("L-1", chain.admin.address(), "business dissolved"));
            status = licences.decodeLicenseStatus(chain.read(at, licences.verify("L-1", HOLDER)));
            assertThat(status.valid()).isFalse();
            assertThat(status.revoked()).isTrue();
            assertThat(licences.decodeRevocationReason(chain.read(at, licences.revocationReason("L-1")))).isEqualTo("business dissolved");
            assertThat(chain.reverts(chain.department, at, licences.revoke("L-1", "again")))
                    .isEqualTo("LicenseRegistry: licence already revoked");
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void rejectsMalformedLicencesAndUnauthorisedCallers(ChainCrypto crypto) {
        LicenseRegistryContract licences = new LicenseRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(licences, "dept");
            long now = chain.now();
            assertThat(chain.reverts(chain.department, at, licences.issue("", "营业执照", HOLDER, now, now + DAY)))
                    .isEqualTo("LicenseRegistry: empty licence number");
            assertThat(chain.reverts(chain.department, at, licences.issue("L-1", "营业执照", new byte[32], now, now + DAY)))
                    .isEqualTo("LicenseRegistry: empty holder hash");
            assertThat(chain.reverts(chain.department, at, licences.issue("L-1", "营业执照", HOLDER, now, now)))
                    .isEqualTo("LicenseRegistry: validity ends before it starts");
            // the validity period is kept in 64 bits each (one storage slot for both): beyond that the issue is refused
            ContractInterface abi = new ContractInterface(licences.artifact());
            BigInteger largest = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
            assertThat(chain.reverts(chain.department, at, abi.encode("issue",
                    List.of("L-far", "营业执照", HOLDER, BigInteger.valueOf(now), largest.add(BigInteger.ONE)))))
                    .isEqualTo("LicenseRegistry: validity out of range");
            chain.ok(chain.department, at, abi.encode("issue", List.of("L-far", "营业执照", HOLDER, BigInteger.valueOf(now), largest)));
            assertThat(abi.decodeOutputs("verify", chain.read(at, licences.verify("L-far", HOLDER))))
                    .containsEntry("validFrom", BigInteger.valueOf(now)).containsEntry("validUntil", largest)
                    .containsEntry("valid", true);
            assertThat(chain.reverts(chain.outsider, at, licences.issue("L-1", "营业执照", HOLDER, now, now + DAY)))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.department, at, licences.grantWriter(chain.outsider.address(), "self-granted")))
                    .isEqualTo("Access: caller is not the admin");
            assertThat(chain.reverts(chain.department, at, licences.revoke("L-1", "never issued")))
                    .isEqualTo("LicenseRegistry: unknown licence");

            chain.ok(chain.department, at, licences.issue("L-1", "营业执照", HOLDER, now, now + DAY));
            assertThat(chain.reverts(chain.outsider, at, licences.revoke("L-1", "not mine")))
                    .isEqualTo("LicenseRegistry: only the issuer or admin may revoke");
            assertThat(chain.reverts(chain.department, at, licences.revoke("L-1", "")))
                    .isEqualTo("LicenseRegistry: empty revocation reason");
            assertThat(licences.decodeLicenseStatus(chain.read(at, licences.verify("L-1", HOLDER))).revoked()).isFalse();
        }
    }
}
