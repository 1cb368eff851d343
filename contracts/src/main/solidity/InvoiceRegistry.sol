pragma solidity ^0.5.2;

import "./DepartmentAccess.sol";

/// @title Electronic invoices (电子发票): issued once, reimbursed at most once, reversed by a red-letter invoice.
/// @notice The chain keeps the invoice number, the SM3 hash of the invoice file (contentHash), the hash of
///         the buyer (never a name or tax number), amount and tax in fen (分). Whoever holds the file checks
///         its status by number and hash. A red-letter invoice (红字发票) reverses its original in full.
contract InvoiceRegistry is DepartmentAccess {
    uint8 constant ISSUED = 1;
    uint8 constant REIMBURSED = 2;
    uint8 constant REVERSED = 3;
    uint8 constant RED_LETTER = 4;

    struct Invoice {
        uint8 state;
        bytes32 contentHash;
        bytes32 buyerHash;
        address issuer;
        uint256 amount;
        uint256 tax;
        uint256 issuedAt;
        string linkedNo;
        string reimbursedBy;
        string reimbursementCase;
        uint256 reimbursedAt;
    }

    mapping(bytes32 => Invoice) private invoices;

    event InvoiceIssued(string invoiceNo, address indexed issuer, bytes32 buyerHash, uint256 amount, uint256 tax,
                        bytes32 contentHash);
    event InvoiceChecked(string caseId, string invoiceNo, uint8 state, bool contentMatches);
    event InvoiceReimbursed(string invoiceNo, string reimbursedBy, string caseId, address indexed recordedBy);
    event InvoiceReversed(string redLetterNo, string originalNo, address indexed issuer, string reason);

    function issue(string calldata invoiceNo, bytes32 buyerHash, uint256 amount, uint256 tax, bytes32 contentHash)
        external onlyWriter {
        require(buyerHash != bytes32(0), "InvoiceRegistry: empty buyer hash");
        require(amount > 0, "InvoiceRegistry: amount must be positive");
        Invoice storage inv = create(invoiceNo, contentHash);
        inv.state = ISSUED;
        inv.buyerHash = buyerHash;
        inv.amount = amount;
        inv.tax = tax;
        emit InvoiceIssued(invoiceNo, _msgSender(), buyerHash, amount, tax, contentHash);
    }

    /// @notice Records on chain, for a case, what the invoice presented is (查验): its state and whether the
    ///         file is the one issued. Never reverts: the answer is the result (state 0 = unknown).
    function check(string calldata caseId, string calldata invoiceNo, bytes32 contentHash) external onlyWriter
        returns (uint8 state, bool contentMatches) {
        Invoice storage inv = invoices[key(invoiceNo)];
        state = inv.state;
        contentMatches = state != 0 && inv.contentHash == contentHash;
        emit InvoiceChecked(caseId, invoiceNo, state, contentMatches);
    }

    /// @notice Enters the invoice in a reimbursement (报销入账), once across every department and company.
    function reimburse(string calldata invoiceNo, bytes32 contentHash, string calldata reimbursedBy,
                       string calldata caseId) external onlyWriter {
        require(bytes(reimbursedBy).length > 0, "InvoiceRegistry: empty reimburser");
        Invoice storage inv = invoices[key(invoiceNo)];
        require(inv.state != 0, "InvoiceRegistry: unknown invoice");
        require(inv.contentHash == contentHash, "InvoiceRegistry: content hash does not match the issued invoice");
        require(inv.state != RED_LETTER, "InvoiceRegistry: a red-letter invoice is not reimbursed");
        if (inv.state == REVERSED) {
            revert(string(abi.encodePacked("InvoiceRegistry: invoice reversed by red-letter invoice ", inv.linkedNo)));
        }
        if (inv.state == REIMBURSED) {
            revert(string(abi.encodePacked("InvoiceRegistry: invoice already reimbursed by ", inv.reimbursedBy,
                " in case ", inv.reimbursementCase)));
        }
        inv.state = REIMBURSED;
        inv.reimbursedBy = reimbursedBy;
        inv.reimbursementCase = caseId;
        inv.reimbursedAt = now;
        emit InvoiceReimbursed(invoiceNo, reimbursedBy, caseId, _msgSender());
    }

    /// @notice The issuer of the original reverses it in full with a red-letter invoice (红冲). Refused once the
    ///         original is reimbursed (entered in the buyer's accounts) or already reversed.
    function issueRedLetter(string calldata redLetterNo, string calldata originalNo, bytes32 contentHash,
                            string calldata reason) external onlyWriter {
        require(bytes(reason).length > 0, "InvoiceRegistry: empty reason");
        Invoice storage original = invoices[key(originalNo)];
        require(original.state != 0, "InvoiceRegistry: unknown original invoice");
        require(original.issuer == _msgSender(), "InvoiceRegistry: only the issuer of the original may reverse it");
        require(original.state != RED_LETTER, "InvoiceRegistry: a red-letter invoice is not reversed");
        if (original.state == REVERSED) {
            revert(string(abi.encodePacked("InvoiceRegistry: original already reversed by red-letter invoice ",
                original.linkedNo)));
        }
        if (original.state == REIMBURSED) {
            revert(string(abi.encodePacked("InvoiceRegistry: original already reimbursed by ", original.reimbursedBy,
                " in case ", original.reimbursementCase)));
        }
        Invoice storage red = create(redLetterNo, contentHash);
        red.state = RED_LETTER;
        red.buyerHash = original.buyerHash;
        red.amount = original.amount;
        red.tax = original.tax;
        red.linkedNo = originalNo;
        original.state = REVERSED;
        original.linkedNo = redLetterNo;
        emit InvoiceReversed(redLetterNo, originalNo, _msgSender(), reason);
    }

    /// @return state 0 unknown, 1 issued, 2 reimbursed, 3 reversed, 4 a red-letter invoice;
    ///         contentMatches whether contentHash is the hash of the file issued under that number.
    function status(string calldata invoiceNo, bytes32 contentHash) external view returns (
        uint8 state, bool contentMatches, address issuer, uint256 amount, uint256 tax, uint256 issuedAt) {
        Invoice storage inv = invoices[key(invoiceNo)];
        return (inv.state, inv.state != 0 && inv.contentHash == contentHash, inv.issuer, inv.amount, inv.tax,
            inv.issuedAt);
    }

    /// @return linkedNo the red-letter invoice of a reversed original, or the original of a red-letter invoice.
    function settlement(string calldata invoiceNo) external view returns (
        string memory linkedNo, string memory reimbursedBy, string memory reimbursementCase, uint256 reimbursedAt) {
        Invoice storage inv = invoices[key(invoiceNo)];
        return (inv.linkedNo, inv.reimbursedBy, inv.reimbursementCase, inv.reimbursedAt);
    }

    function create(string memory invoiceNo, bytes32 contentHash) private returns (Invoice storage inv) {
        require(bytes(invoiceNo).length > 0, "InvoiceRegistry: empty invoice number");
        require(contentHash != bytes32(0), "InvoiceRegistry: empty content hash");
        inv = invoices[key(invoiceNo)];
        require(inv.state == 0, "InvoiceRegistry: invoice number already issued");
        inv.contentHash = contentHash;
        inv.issuer = _msgSender();
        inv.issuedAt = now;
    }

    function key(string memory invoiceNo) private pure returns (bytes32) {
        return keccak256(bytes(invoiceNo));
    }
}
