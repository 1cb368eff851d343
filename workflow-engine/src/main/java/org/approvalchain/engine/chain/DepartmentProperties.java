package org.approvalchain.engine.chain;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The departments that write to the chain ({@code approvalchain.departments.*}), each with an account
 * of its own: a BPMN process (or one of its steps) names the department the law makes responsible
 * with the extension property {@code department}, and that department's account signs the step's
 * transactions. The platform's own records (contracts, process versions, approvers' keys) stay with
 * the engine account, the contracts' admin, which grants each department its writes.
 *
 * @param keysDir where each department's private key is kept, as {@code <id>.key} (created on first
 *     start when missing, readable by the owner only; production provisions them)
 * @param accounts the departments by id, e.g. {@code market-regulation}
 */
@ConfigurationProperties("approvalchain.departments")
public record DepartmentProperties(@DefaultValue("data/engine/departments") Path keysDir,
                                   @DefaultValue Map<String, Entry> accounts) {

    /** The case records every department writes. */
    public static final List<String> CASE_RECORDS = List.of(CaseLedgerContract.NAME, DecisionRegistryContract.NAME);

    public DepartmentProperties {
        accounts = accounts == null ? Map.of() : accounts;
    }

    /**
     * One department.
     *
     * @param name its name in Chinese, as the public knows it
     * @param nameEn its name in English
     * @param writes the contracts its steps may write besides the case records ({@code CaseLedger},
     *     {@code DecisionRegistry}), which every department writes
     */
    public record Entry(String name, String nameEn, @DefaultValue List<String> writes) {

        public Entry {
            writes = writes == null ? List.of() : List.copyOf(writes);
        }
    }
}
