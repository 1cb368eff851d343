package org.approvalchain.engine.api;

import java.util.Map;

import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerStatus;
import org.approvalchain.engine.process.CaseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The chain the engine writes to: its status, the engine's contracts, and blocks by number. */
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

    @GetMapping("/api/ledger/status")
    Status status() {
        return new Status(ledger.status(), contracts.addresses());
    }

    @GetMapping("/api/ledger/blocks/{number}")
    Block block(@PathVariable long number) {
        return ledger.blockByNumber(number)
                .orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND, "no block " + number + " yet"));
    }
}
