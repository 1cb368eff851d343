package org.approvalchain.engine.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerStatus;
import org.approvalchain.engine.process.CaseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The chain the engine writes to: its status, the engine's contracts, and blocks by number. */
@Tag(name = "Ledger")
@RestController
class LedgerController {

    private final Ledger ledger;
    private final Contracts contracts;

    LedgerController(Ledger ledger, Contracts contracts) {
        this.ledger = ledger;
        this.contracts = contracts;
    }

    record Status(LedgerStatus ledger, Map<String, String> contracts) {
    }

    @Operation(summary = "Read the ledger's status",
            description = "Adapter (embedded or fisco), crypto, chain and group, height, latest block hash, and the "
                    + "engine's contracts' addresses.")
    @Refusals({"API-503"})
    @GetMapping("/api/ledger/status")
    Status status() {
        return new Status(ledger.status(), contracts.addresses());
    }

    @Operation(summary = "Read a block",
            description = "A sealed block: header, transaction hashes, sealer and signature.",
            parameters = {@Parameter(name = "number", description = "the block number (0 is the genesis block)", example = "1")})
    @Refusals({"API-404", "API-503"})
    @GetMapping("/api/ledger/blocks/{number}")
    Block block(@PathVariable long number) {
        return ledger.blockByNumber(number)
                .orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND, "no block " + number + " yet"));
    }
}
