package org.approvalchain.engine.explorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.approvalchain.engine.chain.ChainJournal;
import org.approvalchain.engine.chain.Departments;
import org.approvalchain.engine.chain.ChainJournal.Write;
import org.approvalchain.engine.chain.Licences;
import org.approvalchain.engine.explorer.ExplorerAccess.Reader;
import org.approvalchain.engine.explorer.TransactionDecoder.Call;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.process.CaseException;
import org.springframework.stereotype.Service;
import org.web3j.utils.Numeric;

/**
 * The chain as a reader explores it: the latest blocks, a block with the transactions the reader
 * may see, a transaction decoded with its receipt and case, and a search by transaction hash, block
 * number or hash, case id or licence number. Refusals carry the codes of docs/errors.md:
 * {@code EXPLORER-001} nothing found, {@code EXPLORER-002} a transaction of no case for a reader
 * who oversees no cases, {@code EXPLORER-003} a malformed request.
 */
@Service
public class ChainExplorer {

    /** The most blocks one list holds. */
    public static final int MAX_BLOCKS = 50;
    private static final int MAX_QUERY = 200;
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private final Ledger ledger;
    private final ChainJournal journal;
    private final Licences licences;
    private final TransactionDecoder decoder;
    private final ExplorerAccess access;
    private final Departments departments;

    ChainExplorer(Ledger ledger, ChainJournal journal, Licences licences, TransactionDecoder decoder, ExplorerAccess access,
                  Departments departments) {
        this.departments = departments;
        this.ledger = ledger;
        this.journal = journal;
        this.licences = licences;
        this.decoder = decoder;
        this.access = access;
    }

    /** The newest {@code count} blocks, newest first. */
    public List<BlockSummary> latestBlocks(int count) {
        if (count < 1 || count > MAX_BLOCKS) {
            throw invalid("count must be 1 to " + MAX_BLOCKS + ", got " + count);
        }
        long height = ledger.status().blockNumber();
        return LongStream.iterate(height, n -> n >= Math.max(0, height - count + 1), n -> n - 1)
                .mapToObj(ledger::blockByNumber).flatMap(Optional::stream)
                .map(b -> new BlockSummary(b.number(), b.hash(), b.timestamp(), b.transactionHashes().size())).toList();
    }

    /** A block with the transactions {@code userId} may see. */
    public BlockView block(long number, String userId) {
        Block block = ledger.blockByNumber(number).orElseThrow(() -> notFound("no block " + number + " on this chain"));
        Reader reader = access.reader(userId);
        List<TransactionSummary> all = summaries(block.transactionHashes());
        List<TransactionSummary> seen = all.stream().filter(t -> reader.sees(t.caseId())).toList();
        return new BlockView(block.number(), block.hash(), block.parentHash(), block.timestamp(), block.stateRoot(),
                block.transactionsRoot(), block.receiptsRoot(), block.sealer(), block.signature(), seen, all.size() - seen.size(),
                block.number() >= ledger.status().blockNumber());
    }

    /** A transaction decoded with its receipt and case, when {@code userId} may see it. */
    public TransactionView transaction(String hash, String userId) {
        String txHash = transactionHash(hash);
        SealedTransaction tx = ledger.transaction(txHash).orElseThrow(() -> notFound("no transaction " + txHash + " on this chain"));
        TransactionReceipt receipt = ledger.receipt(txHash).orElseThrow(() -> notFound("no receipt of " + txHash + " yet"));
        Optional<Write> write = journal.ofTransaction(txHash);
        access.reader(userId).require(write.map(Write::caseId).orElse(null));
        Call call = decoder.call(tx, receipt);
        long time = ledger.blockByNumber(receipt.blockNumber()).map(Block::timestamp).orElse(-1L);
        boolean raw = !tx.isDeployment() && call.function() == null;
        return new TransactionView(txHash, receipt.blockNumber(), time, tx.from(), tx.to(), call.contract(), tx.isDeployment(),
                call.function(), call.signature(), call.arguments(), raw ? Numeric.toHexString(tx.input()) : null,
                receipt.status(), receipt.succeeded(), receipt.revertReason(), receipt.gasUsed(), decoder.events(receipt),
                write.map(Write::caseId).orElse(null), write.map(Write::subject).orElse(null),
                departments.byAddress(tx.from()).orElse(null), forwarded(call.forwarded()));
    }

    private static TransactionView.Forwarded forwarded(Call call) {
        return call == null ? null : new TransactionView.Forwarded(call.contract(), call.function(), call.signature(), call.arguments());
    }

    /**
     * Finds a transaction (by hash), a block (by number or hash), or the transactions of a case or
     * of a licence (those that issued or revoked it) that {@code userId} may see.
     *
     * @throws CaseException {@code EXPLORER-001} when nothing matches, FORBIDDEN for a case the user may not read
     */
    public SearchResult search(String query, String userId) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > MAX_QUERY) {
            throw invalid("a search is 1 to " + MAX_QUERY + " characters: a transaction hash, a block number, a case id or a licence number");
        }
        Reader reader = access.reader(userId);
        if (HASH.matcher(q).matches()) {
            return byHash(q.toLowerCase(Locale.ROOT), reader);
        }
        if (NUMBER.matcher(q).matches()) {
            Optional<Block> block = ledger.blockByNumber(Long.parseLong(q));
            if (block.isPresent()) {
                return new SearchResult(q, block.get().number(), List.of());
            }
        }
        Set<String> hashes = new LinkedHashSet<>();
        List<Write> caseWrites = journal.ofCase(q);
        if (!caseWrites.isEmpty()) {
            reader.require(q);
            caseWrites.forEach(w -> hashes.add(w.txHash()));
        }
        hashes.addAll(licences.transactions(q));
        List<TransactionSummary> found = new ArrayList<>(summaries(hashes).stream().filter(t -> reader.sees(t.caseId())).toList());
        if (found.isEmpty()) {
            throw notFound("nothing on this chain matches '" + q + "' (a transaction hash, a block number, a case id or a licence number)");
        }
        found.sort(Comparator.comparingLong(TransactionSummary::blockNumber));
        return new SearchResult(q, null, found);
    }

    private SearchResult byHash(String hash, Reader reader) {
        Optional<TransactionSummary> tx = summary(hash);
        if (tx.isPresent()) {
            reader.require(tx.get().caseId());
            return new SearchResult(hash, null, List.of(tx.get()));
        }
        return ledger.blockByHash(hash).map(b -> new SearchResult(hash, b.number(), List.of()))
                .orElseThrow(() -> notFound("no transaction or block " + hash + " on this chain"));
    }

    private List<TransactionSummary> summaries(Iterable<String> hashes) {
        List<TransactionSummary> result = new ArrayList<>();
        hashes.forEach(hash -> summary(hash).ifPresent(result::add));
        return result;
    }

    private Optional<TransactionSummary> summary(String hash) {
        Optional<SealedTransaction> tx = ledger.transaction(hash);
        Optional<TransactionReceipt> receipt = ledger.receipt(hash);
        if (tx.isEmpty() || receipt.isEmpty()) {
            return Optional.empty();
        }
        Call call = decoder.call(tx.get(), receipt.get());
        Optional<Write> write = journal.ofTransaction(hash);
        return Optional.of(new TransactionSummary(hash, receipt.get().blockNumber(), call.contract(), call.function(),
                receipt.get().succeeded(), write.map(Write::caseId).orElse(null), write.map(Write::subject).orElse(null),
                forwarded(call.forwarded())));
    }

    private static String transactionHash(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw invalid("'" + hash + "' is not a transaction hash (0x and 64 hex digits)");
        }
        return hash.toLowerCase(Locale.ROOT);
    }

    private static CaseException notFound(String what) {
        return new CaseException(CaseException.Kind.NOT_FOUND, "EXPLORER-001 " + what);
    }

    private static CaseException invalid(String what) {
        return new CaseException(CaseException.Kind.INVALID, "EXPLORER-003 " + what);
    }
}
