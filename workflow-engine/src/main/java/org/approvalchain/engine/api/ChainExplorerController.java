package org.approvalchain.engine.api;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.explorer.BlockSummary;
import org.approvalchain.engine.explorer.BlockView;
import org.approvalchain.engine.explorer.ChainExplorer;
import org.approvalchain.engine.explorer.SearchResult;
import org.approvalchain.engine.explorer.TransactionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain explorer: blocks, transactions decoded by the contracts' ABIs with the case they
 * belong to, and a search. Legal reviewers and administrators see every transaction, anyone else
 * those of the cases they may read.
 */
@Tag(name = "Chain explorer")
@RestController
class ChainExplorerController {

    private final ChainExplorer explorer;

    ChainExplorerController(ChainExplorer explorer) {
        this.explorer = explorer;
    }

    @Operation(summary = "List the latest blocks", description = "Newest first: number, hash, time and transaction count.")
    @Refusals({"EXPLORER-003", "API-503"})
    @GetMapping("/api/chain/blocks")
    List<BlockSummary> latest(@Parameter(description = "how many blocks, 1 to 50") @RequestParam(defaultValue = "20") int count) {
        return explorer.latestBlocks(count);
    }

    @Operation(summary = "Read a block with its transactions",
            description = "The header and the transactions the user may see (contract, function, case); the others are only counted.")
    @Refusals({"EXPLORER-001", "API-503"})
    @GetMapping("/api/chain/blocks/{number}")
    BlockView block(@Parameter(description = "the block number (0 is the genesis block)") @PathVariable long number,
                    Principal user) {
        return explorer.block(number, user.getName());
    }

    @Operation(summary = "Read a transaction, decoded",
            description = "Sender, contract, function and arguments, status and revert reason, events with their fields, "
                    + "and the case and step it recorded.")
    @Refusals({"EXPLORER-001", "EXPLORER-002", "EXPLORER-003", "API-403", "API-404", "API-503"})
    @GetMapping("/api/chain/transactions/{hash}")
    TransactionView transaction(@Parameter(description = "0x and 64 hex digits") @PathVariable String hash, Principal user) {
        return explorer.transaction(hash, user.getName());
    }

    @Operation(summary = "Search the chain",
            description = "By transaction hash, block number or hash, case id or licence number: a block, or the transactions "
                    + "found that the user may see, in chain order.")
    @Refusals({"EXPLORER-001", "EXPLORER-002", "EXPLORER-003", "API-403", "API-404", "API-503"})
    @GetMapping("/api/chain/search")
    SearchResult search(@Parameter(description = "a transaction hash, block number, case id or licence number")
                        @RequestParam(name = "q", required = false) String query, Principal user) {
        return explorer.search(query, user.getName());
    }
}
