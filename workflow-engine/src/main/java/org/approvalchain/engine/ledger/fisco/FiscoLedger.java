package org.approvalchain.engine.ledger.fisco;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.Block;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.LedgerProperties;
import org.approvalchain.engine.ledger.LedgerStatus;
import org.approvalchain.engine.ledger.LedgerUnavailableException;
import org.approvalchain.engine.ledger.SealedTransaction;
import org.approvalchain.engine.ledger.SignedTransaction;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionRejectedException;
import org.fisco.bcos.sdk.v3.client.Client;
import org.fisco.bcos.sdk.v3.client.exceptions.ClientException;
import org.fisco.bcos.sdk.v3.client.protocol.model.JsonTransactionResponse;
import org.fisco.bcos.sdk.v3.client.protocol.request.Transaction;
import org.fisco.bcos.sdk.v3.client.protocol.response.BcosBlock;
import org.fisco.bcos.sdk.v3.model.CryptoType;
import org.fisco.bcos.sdk.v3.model.TransactionReceiptStatus;
import org.web3j.utils.Numeric;

/**
 * The ledger on a FISCO BCOS chain, through the SDK's {@link Client}. Transactions arrive signed;
 * this adapter only submits them and maps what the node answers. Receipt status 10000 and above is
 * the node's transaction pool refusing the transaction (nonce, block limit, chain, group,
 * signature), which the port reports as {@link TransactionRejectedException}.
 */
public class FiscoLedger implements Ledger {

    private static final int FIRST_TXPOOL_STATUS = 10000;

    private final Client client;

    public FiscoLedger(Client client) {
        this.client = client;
    }

    /**
     * Connects as configured, failing with a {@link LedgerUnavailableException} that names the file
     * or peer when the config, a certificate or every peer is missing, or the chain's crypto type
     * differs from {@code approvalchain.ledger.crypto}.
     */
    public static FiscoLedger connect(LedgerProperties properties) {
        LedgerProperties.Fisco fisco = properties.fisco();
        FiscoConfig config = FiscoConfig.load(fisco.configFile(), fisco.certPath());
        requireCrypto(config.smCrypto() ? ChainCrypto.SM : ChainCrypto.ECDSA, properties.crypto(),
                "config file has useSMCrypto=" + config.smCrypto(), config);
        FiscoLedger ledger = new FiscoLedger(FiscoConnection.open(config, fisco.group(), fisco.connectTimeout()));
        try {
            requireCrypto(ledger.crypto(), properties.crypto(), "group '" + fisco.group() + "' is an "
                    + ledger.crypto() + " chain", config);
        } catch (LedgerUnavailableException e) {
            ledger.close();
            throw e;
        }
        return ledger;
    }

    private static void requireCrypto(ChainCrypto actual, ChainCrypto expected, String what, FiscoConfig config) {
        if (actual != expected) {
            throw new LedgerUnavailableException("LEDGER-107", "FISCO BCOS " + what + " but approvalchain.ledger.crypto is "
                    + expected.folder() + " (config: " + config.source() + ")");
        }
    }

    @Override
    public LedgerStatus status() {
        BigInteger height = rpc("getBlockNumber", () -> client.getBlockNumber().getBlockNumber());
        String hash = rpc("getBlockHashByNumber", () -> client.getBlockHashByNumber(height).getBlockHashByNumber());
        return new LedgerStatus("fisco", crypto(), client.getChainId(), client.getGroup(), height.longValueExact(), hash);
    }

    @Override
    public TransactionReceipt send(SignedTransaction transaction) {
        var response = rpc("sendTransaction", () -> client.sendTransaction(transaction.encoded(), false));
        var receipt = response.getTransactionReceipt();
        if (receipt == null) {
            throw new TransactionRejectedException("FISCO BCOS returned no receipt for " + transaction.hash());
        }
        if (receipt.getStatus() >= FIRST_TXPOOL_STATUS) {
            var code = TransactionReceiptStatus.getStatusMessage(receipt.getStatus(), receipt.getMessage());
            throw new TransactionRejectedException("FISCO BCOS rejected transaction " + transaction.hash() + ": "
                    + code.getCode() + " " + code.getMessage());
        }
        return FiscoReceipts.toReceipt(receipt);
    }

    @Override
    public CallResult call(String from, String to, byte[] input) {
        return FiscoReceipts.toCallResult(rpc("call", () -> client.call(new Transaction(from, to, input)).getCallResult()));
    }

    @Override
    public byte[] code(String address) {
        String hex = rpc("getCode", () -> client.getCode(address).getCode());
        return hex == null ? new byte[0] : Numeric.hexStringToByteArray(hex);
    }

    @Override
    public Optional<Block> blockByNumber(long number) {
        return optional("getBlockByNumber",
                () -> client.getBlockByNumber(BigInteger.valueOf(number), false, true).getBlock()).map(FiscoLedger::toBlock);
    }

    @Override
    public Optional<Block> blockByHash(String hash) {
        return optional("getBlockByHash", () -> client.getBlockByHash(hash, false, true).getBlock()).map(FiscoLedger::toBlock);
    }

    @Override
    public Optional<TransactionReceipt> receipt(String transactionHash) {
        return optional("getTransactionReceipt",
                () -> client.getTransactionReceipt(transactionHash, false).getTransactionReceipt()).map(FiscoReceipts::toReceipt);
    }

    @Override
    public Optional<SealedTransaction> transaction(String transactionHash) {
        return optional("getTransaction", () -> client.getTransaction(transactionHash, false).getTransaction().orElse(null))
                .map(FiscoLedger::toTransaction);
    }

    /** Walks the blocks and their receipts; simple, and fine for the ranges an audit asks for. */
    @Override
    public List<EventLog> events(String contractAddress, long fromBlock, long toBlock) {
        List<EventLog> events = new ArrayList<>();
        for (long number = fromBlock; number <= toBlock; number++) {
            Optional<Block> block = blockByNumber(number);
            if (block.isEmpty()) {
                break;
            }
            for (String txHash : block.get().transactionHashes()) {
                receipt(txHash).ifPresent(receipt -> receipt.logs().stream()
                        .filter(log -> log.address() != null && log.address().equalsIgnoreCase(contractAddress))
                        .forEach(events::add));
            }
        }
        return List.copyOf(events);
    }

    @Override
    public void close() {
        client.stop();
        client.destroy();
    }

    private ChainCrypto crypto() {
        return client.getCryptoType() == CryptoType.ECDSA_TYPE ? ChainCrypto.ECDSA : ChainCrypto.SM;
    }

    static Block toBlock(BcosBlock.Block block) {
        List<String> txHashes = block.getTransactions() == null ? List.of()
                : block.getTransactionHashes().stream().map(BcosBlock.TransactionHash::get).toList();
        String parent = block.getParentInfo() == null || block.getParentInfo().isEmpty() ? null
                : block.getParentInfo().get(0).getBlockHash();
        List<String> sealers = block.getSealerList();
        String sealer = sealers != null && block.getSealer() >= 0 && block.getSealer() < sealers.size()
                ? sealers.get(block.getSealer()) : null;
        String signature = block.getSignatureList() == null ? null : block.getSignatureList().stream()
                .filter(s -> s.getIndex() != null && s.getIndex() == block.getSealer())
                .map(s -> s.getSignature()).findFirst().orElse(null);
        return new Block(block.getNumber(), block.getHash(), parent, block.getTimestamp(), block.getStateRoot(),
                block.getTransactionsRoot(), block.getReceiptsRoot(), txHashes, sealer, signature);
    }

    static SealedTransaction toTransaction(JsonTransactionResponse tx) {
        String to = tx.getTo() == null || tx.getTo().isBlank() ? null : tx.getTo();
        return new SealedTransaction(tx.getHash(), tx.getFrom(), to, FiscoReceipts.bytes(tx.getInput()), tx.getNonce(),
                tx.getBlockLimit());
    }

    /** A lookup the node answers with no result, or with a "not found" error, is empty. */
    private static <T> Optional<T> optional(String method, Supplier<T> request) {
        try {
            return Optional.ofNullable(request.get());
        } catch (ClientException e) {
            String message = (e.getErrorMessage() + " " + e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("not found") || message.contains("not exist")) {
                return Optional.empty();
            }
            throw failed(method, e);
        }
    }

    private static <T> T rpc(String method, Supplier<T> request) {
        try {
            return request.get();
        } catch (ClientException e) {
            throw failed(method, e);
        }
    }

    private static LedgerUnavailableException failed(String method, ClientException e) {
        return new LedgerUnavailableException("LEDGER-110", "FISCO BCOS request " + method + " failed: "
                + FiscoConnection.reason(e), e);
    }
}
