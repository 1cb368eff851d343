package org.approvalchain.engine.api;

import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.chain.Invoices;
import org.approvalchain.engine.process.CaseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.web3j.utils.Numeric;

/**
 * The public invoice check (发票查验): whoever holds an electronic invoice asks the chain, without
 * logging in, by its number and the SM3 hash of its file, whether it is issued, reimbursed (by whom),
 * reversed by a red-letter invoice or is one. A number with another file is not found: the check
 * tells nothing to someone who does not hold the invoice.
 */
@Tag(name = "Public")
@RestController
class InvoiceCheckController {

    private static final int MAX_NUMBER = 100;
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    private final Invoices invoices;

    InvoiceCheckController(Invoices invoices) {
        this.invoices = invoices;
    }

    @Operation(summary = "Check an electronic invoice",
            description = "No login: an invoice from InvoiceRegistry by its number and the SM3 hash of its file: state "
                    + "(ISSUED, REIMBURSED, REVERSED, RED_LETTER), issuer and its department, amount and tax in fen, "
                    + "the red-letter invoice or original it is linked to, who reimbursed it and when; never the buyer.",
            parameters = {@Parameter(name = "number", description = "the invoice number, e.g. 26442000000000000101"),
                    @Parameter(name = "hash", description = "the SM3 hash of the invoice file, 0x and 64 hex digits")})
    @Refusals({"INVOICE-001", "INVOICE-002", "API-503"})
    @GetMapping("/api/public/invoices/{number}")
    Invoices.Invoice check(@PathVariable String number, @RequestParam String hash) {
        if (number.isBlank() || number.length() > MAX_NUMBER || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("INVOICE-002 an invoice number has 1 to " + MAX_NUMBER
                    + " characters and the file hash is 0x and 64 hex digits");
        }
        return invoices.find(number, Numeric.hexStringToByteArray(hash)).orElseThrow(() -> new CaseException(
                CaseException.Kind.NOT_FOUND, "INVOICE-001 no invoice with number " + number + " and this file hash was issued"));
    }
}
