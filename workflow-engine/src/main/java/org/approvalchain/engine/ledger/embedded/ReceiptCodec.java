package org.approvalchain.engine.ledger.embedded;

import java.util.ArrayList;
import java.util.List;

import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * The canonical, stored form of a receipt: an RLP list of its fields, logs included. Block
 * receipts roots are hashed over these bytes, so any edit to a stored receipt changes the root.
 */
final class ReceiptCodec {

    private ReceiptCodec() {
    }

    static byte[] encode(TransactionReceipt r) {
        List<RlpType> logs = new ArrayList<>();
        for (EventLog log : r.logs()) {
            List<RlpType> topics = log.topics().stream().<RlpType>map(t -> RlpString.create(Numeric.hexStringToByteArray(t))).toList();
            logs.add(new RlpList(RlpString.create(Numeric.hexStringToByteArray(log.address())), new RlpList(topics),
                    RlpString.create(log.data()), RlpString.create(log.logIndex())));
        }
        return RlpEncoder.encode(new RlpList(
                RlpString.create(r.transactionHash()), RlpString.create(r.blockNumber()), RlpString.create(r.from()),
                RlpString.create(nullToEmpty(r.to())), RlpString.create(nullToEmpty(r.contractAddress())),
                RlpString.create(r.status()), RlpString.create(r.output()), RlpString.create(nullToEmpty(r.revertReason())),
                RlpString.create(r.gasUsed()), new RlpList(logs)));
    }

    static TransactionReceipt decode(byte[] encoded) {
        List<RlpType> f = ((RlpList) RlpDecoder.decode(encoded).getValues().get(0)).getValues();
        String txHash = text(f.get(0));
        long blockNumber = number(f.get(1));
        List<EventLog> logs = new ArrayList<>();
        for (RlpType item : ((RlpList) f.get(9)).getValues()) {
            List<RlpType> l = ((RlpList) item).getValues();
            List<String> topics = ((RlpList) l.get(1)).getValues().stream()
                    .map(t -> Numeric.toHexString(((RlpString) t).getBytes())).toList();
            logs.add(new EventLog(Numeric.toHexString(((RlpString) l.get(0)).getBytes()), topics,
                    ((RlpString) l.get(2)).getBytes(), blockNumber, txHash, (int) number(l.get(3))));
        }
        return new TransactionReceipt(txHash, blockNumber, text(f.get(2)), emptyToNull(text(f.get(3))),
                emptyToNull(text(f.get(4))), (int) number(f.get(5)), ((RlpString) f.get(6)).getBytes(),
                emptyToNull(text(f.get(7))), number(f.get(8)), logs);
    }

    private static String text(RlpType item) {
        return new String(((RlpString) item).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long number(RlpType item) {
        return ((RlpString) item).asPositiveBigInteger().longValueExact();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
