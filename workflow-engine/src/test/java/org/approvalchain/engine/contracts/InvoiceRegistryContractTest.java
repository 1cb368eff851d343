package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.InvoiceRegistryContract;
import org.approvalchain.contracts.InvoiceRegistryContract.InvoiceStatus;
import org.approvalchain.contracts.InvoiceRegistryContract.Settlement;
import org.approvalchain.contracts.InvoiceRegistryContract.State;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InvoiceRegistryContractTest {

    private static final byte[] BUYER = filled(3);
    private static final byte[] FILE = filled(4);
    private static final byte[] RED_FILE = filled(5);
    private static final byte[] OTHER_FILE = filled(6);

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void issuesAnInvoiceThatIsReimbursedOnceAcrossCompanies(ChainCrypto crypto) {
        InvoiceRegistryContract invoices = new InvoiceRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(invoices, "销售方开票系统");
            TransactionReceipt issued = chain.ok(chain.department, at, invoices.issue("F-1", BUYER, 10_600, 600, FILE));
            assertThat(invoices.invoiceIssued(issued.logs().get(0).topics(), issued.logs().get(0).data())).get()
                    .usingRecursiveComparison().isEqualTo(new InvoiceRegistryContract.InvoiceIssued(
                            "F-1", chain.department.address(), BUYER, 10_600, 600, FILE));
            InvoiceStatus status = status(chain, at, invoices, "F-1", FILE);
            assertThat(status.state()).isEqualTo(State.ISSUED);
            assertThat(status.contentMatches()).isTrue();
            assertThat(status.issuer()).isEqualTo(chain.department.address());
            assertThat(status.amount()).isEqualTo(10_600);
            assertThat(status.tax()).isEqualTo(600);
            assertThat(status.issuedAt()).isPositive();
            assertThat(status(chain, at, invoices, "F-1", OTHER_FILE).contentMatches()).isFalse();
            assertThat(status(chain, at, invoices, "F-unknown", FILE).state()).isEqualTo(State.UNKNOWN);

            TransactionReceipt checked = chain.ok(chain.department, at, invoices.check("case-1", "F-1", FILE));
            assertThat(invoices.invoiceChecked(checked.logs().get(0).topics(), checked.logs().get(0).data())).get()
                    .isEqualTo(new InvoiceRegistryContract.InvoiceChecked("case-1", "F-1", State.ISSUED, true));
            checked = chain.ok(chain.department, at, invoices.check("case-1", "F-unknown", FILE));
            assertThat(invoices.invoiceChecked(checked.logs().get(0).topics(), checked.logs().get(0).data())).get()
                    .isEqualTo(new InvoiceRegistryContract.InvoiceChecked("case-1", "F-unknown", State.UNKNOWN, false));

            TransactionReceipt reimbursed = chain.ok(chain.department, at, invoices.reimburse("F-1", FILE, "甲公司财务部", "case-1"));
            assertThat(invoices.invoiceReimbursed(reimbursed.logs().get(0).topics(), reimbursed.logs().get(0).data())).get()
                    .isEqualTo(new InvoiceRegistryContract.InvoiceReimbursed("F-1", "甲公司财务部", "case-1",
                            chain.department.address()));
            assertThat(status(chain, at, invoices, "F-1", FILE).state()).isEqualTo(State.REIMBURSED);
            Settlement settlement = invoices.decodeSettlement(chain.read(at, invoices.settlement("F-1")));
            assertThat(settlement.reimbursedBy()).isEqualTo("甲公司财务部");
            assertThat(settlement.reimbursementCase()).isEqualTo("case-1");
            assertThat(settlement.reimbursedAt()).isPositive();

            assertThat(chain.reverts(chain.admin, at, invoices.reimburse("F-1", FILE, "乙公司财务部", "case-2")))
                    .isEqualTo("InvoiceRegistry: invoice already reimbursed by 甲公司财务部 in case case-1");
            assertThat(chain.reverts(chain.department, at, invoices.issueRedLetter("R-1", "F-1", RED_FILE, "销售退回")))
                    .isEqualTo("InvoiceRegistry: original already reimbursed by 甲公司财务部 in case case-1");
            assertThat(invoices.decodeSettlement(chain.read(at, invoices.settlement("F-1"))).reimbursementCase())
                    .isEqualTo("case-1");
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void reversesAnInvoiceOnceWithARedLetterInvoiceThatIsNeverReimbursed(ChainCrypto crypto) {
        InvoiceRegistryContract invoices = new InvoiceRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(invoices, "销售方开票系统");
            chain.ok(chain.department, at, invoices.issue("F-2", BUYER, 10_600, 600, FILE));
            assertThat(chain.reverts(chain.admin, at, invoices.issueRedLetter("R-2", "F-2", RED_FILE, "开票有误")))
                    .isEqualTo("InvoiceRegistry: only the issuer of the original may reverse it");

            TransactionReceipt reversed = chain.ok(chain.department, at, invoices.issueRedLetter("R-2", "F-2", RED_FILE, "开票有误"));
            assertThat(invoices.invoiceReversed(reversed.logs().get(0).topics(), reversed.logs().get(0).data())).get()
                    .isEqualTo(new InvoiceRegistryContract.InvoiceReversed("R-2", "F-2", chain.department.address(), "开票有误"));
            assertThat(status(chain, at, invoices, "F-2", FILE).state()).isEqualTo(State.REVERSED);
            assertThat(invoices.decodeSettlement(chain.read(at, invoices.settlement("F-2"))).linkedNo()).isEqualTo("R-2");
            InvoiceStatus red = status(chain, at, invoices, "R-2", RED_FILE);
            assertThat(red.state()).isEqualTo(State.RED_LETTER);
            assertThat(red.contentMatches()).isTrue();
            assertThat(red.amount()).isEqualTo(10_600);
            assertThat(red.tax()).isEqualTo(600);
            assertThat(invoices.decodeSettlement(chain.read(at, invoices.settlement("R-2"))).linkedNo()).isEqualTo("F-2");

            assertThat(chain.reverts(chain.department, at, invoices.issueRedLetter("R-3", "F-2", OTHER_FILE, "again")))
                    .isEqualTo("InvoiceRegistry: original already reversed by red-letter invoice R-2");
            assertThat(chain.reverts(chain.department, at, invoices.issueRedLetter("R-4", "R-2", OTHER_FILE, "red of red")))
                    .isEqualTo("InvoiceRegistry: a red-letter invoice is not reversed");
            assertThat(chain.reverts(chain.department, at, invoices.reimburse("F-2", FILE, "甲公司财务部", "case-3")))
                    .isEqualTo("InvoiceRegistry: invoice reversed by red-letter invoice R-2");
            assertThat(chain.reverts(chain.department, at, invoices.reimburse("R-2", RED_FILE, "甲公司财务部", "case-3")))
                    .isEqualTo("InvoiceRegistry: a red-letter invoice is not reimbursed");
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void rejectsMalformedInvoicesUnknownNumbersForeignFilesAndOutsiders(ChainCrypto crypto) {
        InvoiceRegistryContract invoices = new InvoiceRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(invoices, "销售方开票系统");
            assertThat(chain.reverts(chain.department, at, invoices.issue("", BUYER, 1, 0, FILE)))
                    .isEqualTo("InvoiceRegistry: empty invoice number");
            assertThat(chain.reverts(chain.department, at, invoices.issue("F-3", new byte[32], 1, 0, FILE)))
                    .isEqualTo("InvoiceRegistry: empty buyer hash");
            assertThat(chain.reverts(chain.department, at, invoices.issue("F-3", BUYER, 1, 0, new byte[32])))
                    .isEqualTo("InvoiceRegistry: empty content hash");
            assertThat(chain.reverts(chain.department, at, invoices.issue("F-3", BUYER, 0, 0, FILE)))
                    .isEqualTo("InvoiceRegistry: amount must be positive");
            assertThat(chain.reverts(chain.outsider, at, invoices.issue("F-3", BUYER, 1, 0, FILE)))
                    .isEqualTo("Access: caller is not a department writer");
            chain.ok(chain.department, at, invoices.issue("F-3", BUYER, 1, 0, FILE));
            assertThat(chain.reverts(chain.department, at, invoices.issue("F-3", BUYER, 2, 0, OTHER_FILE)))
                    .isEqualTo("InvoiceRegistry: invoice number already issued");

            assertThat(chain.reverts(chain.department, at, invoices.reimburse("F-none", FILE, "甲公司财务部", "c")))
                    .isEqualTo("InvoiceRegistry: unknown invoice");
            assertThat(chain.reverts(chain.department, at, invoices.reimburse("F-3", OTHER_FILE, "甲公司财务部", "c")))
                    .isEqualTo("InvoiceRegistry: content hash does not match the issued invoice");
            assertThat(chain.reverts(chain.department, at, invoices.reimburse("F-3", FILE, "", "c")))
                    .isEqualTo("InvoiceRegistry: empty reimburser");
            assertThat(chain.reverts(chain.outsider, at, invoices.reimburse("F-3", FILE, "甲公司财务部", "c")))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.outsider, at, invoices.check("c", "F-3", FILE)))
                    .isEqualTo("Access: caller is not a department writer");

            assertThat(chain.reverts(chain.department, at, invoices.issueRedLetter("R-5", "F-none", RED_FILE, "开票有误")))
                    .isEqualTo("InvoiceRegistry: unknown original invoice");
            assertThat(chain.reverts(chain.department, at, invoices.issueRedLetter("R-5", "F-3", RED_FILE, "")))
                    .isEqualTo("InvoiceRegistry: empty reason");
            assertThat(chain.reverts(chain.department, at, invoices.issueRedLetter("F-3", "F-3", RED_FILE, "开票有误")))
                    .isEqualTo("InvoiceRegistry: invoice number already issued");
            assertThat(chain.reverts(chain.department, at, invoices.issueRedLetter("", "F-3", RED_FILE, "开票有误")))
                    .isEqualTo("InvoiceRegistry: empty invoice number");
            assertThat(chain.reverts(chain.department, at, invoices.issueRedLetter("R-5", "F-3", new byte[32], "开票有误")))
                    .isEqualTo("InvoiceRegistry: empty content hash");
            assertThat(chain.reverts(chain.outsider, at, invoices.issueRedLetter("R-5", "F-3", RED_FILE, "开票有误")))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(status(chain, at, invoices, "F-3", FILE).state()).isEqualTo(State.ISSUED);
        }
    }

    private static InvoiceStatus status(TestChain chain, String at, InvoiceRegistryContract invoices, String number,
                                        byte[] file) {
        return invoices.decodeStatus(chain.read(at, invoices.status(number, file)));
    }
}
