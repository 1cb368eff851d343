package org.approvalchain.engine.chain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ApproverKeyRegistryContract;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.contracts.DefinitionRegistryContract;
import org.approvalchain.contracts.DepartmentAccessContract;
import org.approvalchain.contracts.DocumentEvidenceContract;
import org.approvalchain.contracts.EligibilityRuleContract;
import org.approvalchain.contracts.InvoiceRegistryContract;
import org.approvalchain.contracts.LicenseRegistryContract;
import org.approvalchain.contracts.ProxyAuthorisationContract;
import org.approvalchain.contracts.ReliefFundContract;
import org.approvalchain.contracts.TenderRegistryContract;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts the engine's contracts on its chain. At start-up each one is deployed once (by the engine's
 * department account, which becomes its admin) and its address kept in {@code ac_contract}, shared
 * by all engine nodes; a contract already recorded must answer on chain with this account as its
 * admin, or start-up stops: the database and the chain would belong to different worlds.
 */
@Component
class ContractDeployment {

    private static final Logger log = LoggerFactory.getLogger(ContractDeployment.class);

    private final AbiCodec codec;
    private final Map<String, String> addresses = new LinkedHashMap<>();

    ContractDeployment(LedgerProperties properties, ChainWriter writer, Ledger ledger, EngineAccount account, JdbcTemplate jdbc) {
        this.codec = new AbiCodec(properties.crypto());
        for (DepartmentAccessContract contract : all(codec)) {
            String name = contract.artifact().name();
            String address = recorded(jdbc, name).orElseGet(() -> deploy(contract, writer, jdbc));
            requireAdministeredBy(contract, address, ledger, account);
            addresses.put(name, address);
        }
        log.info("LEDGER-003 contracts ready: {}", addresses);
    }

    AbiCodec codec() {
        return codec;
    }

    /** Contract name to address, in deployment order. */
    Map<String, String> addresses() {
        return addresses;
    }

    static List<DepartmentAccessContract> all(AbiCodec codec) {
        return List.of(new CaseLedgerContract(codec), new DecisionRegistryContract(codec),
                new DefinitionRegistryContract(codec), new DocumentEvidenceContract(codec),
                new LicenseRegistryContract(codec), new EligibilityRuleContract(codec), new ApproverKeyRegistryContract(codec),
                new InvoiceRegistryContract(codec),
                new ReliefFundContract(codec),
                new TenderRegistryContract(codec),
                new ProxyAuthorisationContract(codec));
    }

    private static Optional<String> recorded(JdbcTemplate jdbc, String name) {
        return jdbc.queryForList("SELECT address FROM ac_contract WHERE name = ?", String.class, name).stream().findFirst();
    }

    private static String deploy(DepartmentAccessContract contract, ChainWriter writer, JdbcTemplate jdbc) {
        String name = contract.artifact().name();
        TransactionReceipt receipt = writer.deploy("deploy/" + name, name, contract.deploymentData(), contract.artifact().abi());
        if (!receipt.succeeded()) {
            throw new LedgerUnavailableException("LEDGER-303", "deploying " + name + " failed: " + receipt.revertReason());
        }
        try {
            jdbc.update("INSERT INTO ac_contract (name, address, tx_hash, block_number, deployed_at) VALUES (?, ?, ?, ?, ?)",
                    name, receipt.contractAddress(), receipt.transactionHash(), receipt.blockNumber(), Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return recorded(jdbc, name).orElseThrow();
        }
        log.info("LEDGER-002 deployed {} at {} (tx {}, block {})", name, receipt.contractAddress(),
                receipt.transactionHash(), receipt.blockNumber());
        return receipt.contractAddress();
    }

    private static void requireAdministeredBy(DepartmentAccessContract contract, String address, Ledger ledger,
                                              EngineAccount account) {
        CallResult admin = ledger.call(account.address(), address, contract.admin());
        if (!admin.succeeded() || admin.output().length == 0
                || !contract.decodeAdmin(admin.output()).equalsIgnoreCase(account.address())) {
            throw new LedgerUnavailableException("LEDGER-304", contract.artifact().name() + " recorded at " + address
                    + " is not on this chain or not administered by the engine account " + account.address()
                    + ": the engine database and the ledger do not belong together");
        }
    }
}
