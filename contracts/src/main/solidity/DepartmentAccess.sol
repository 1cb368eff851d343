pragma solidity ^0.5.2;

/// @title Roles shared by every ApprovalChain contract.
/// @notice The admin manages roles and parameters; writers are the department accounts the
///         workflow engine signs with. Only writers change records, only the admin changes rules.
contract DepartmentAccess {
    address public admin;
    /// The one contract (CaseLedger) whose calls speak for the writer that sent them: it appends
    /// that writer's address to the call data (ERC-2771), so one transaction records a step and
    /// makes the step's call as the department itself.
    address public trustedForwarder;
    mapping(address => string) private departments;
    mapping(address => bool) private writers;

    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);
    event WriterGranted(address indexed account, string department);
    event WriterRevoked(address indexed account);
    event TrustedForwarderSet(address indexed forwarder);

    constructor() public {
        admin = msg.sender;
        writers[msg.sender] = true;
        departments[msg.sender] = "deployer";
        emit AdminTransferred(address(0), msg.sender);
        emit WriterGranted(msg.sender, "deployer");
    }

    modifier onlyAdmin() {
        require(msg.sender == admin, "Access: caller is not the admin");
        _;
    }

    modifier onlyWriter() {
        require(writers[_msgSender()], "Access: caller is not a department writer");
        _;
    }

    function transferAdmin(address newAdmin) external onlyAdmin {
        require(newAdmin != address(0), "Access: new admin is the zero address");
        emit AdminTransferred(admin, newAdmin);
        admin = newAdmin;
    }

    function grantWriter(address account, string calldata department) external onlyAdmin {
        require(account != address(0), "Access: writer is the zero address");
        writers[account] = true;
        departments[account] = department;
        emit WriterGranted(account, department);
    }

    function revokeWriter(address account) external onlyAdmin {
        require(writers[account], "Access: account is not a writer");
        writers[account] = false;
        emit WriterRevoked(account);
    }

    function setTrustedForwarder(address forwarder) external onlyAdmin {
        trustedForwarder = forwarder;
        emit TrustedForwarderSet(forwarder);
    }

    function isWriter(address account) public view returns (bool) {
        return writers[account];
    }

    function departmentOf(address account) public view returns (string memory) {
        return departments[account];
    }

    /// @notice The account a write is attributed to: the sender, or, when the trusted forwarder
    ///         sent the call, the writer it names in the last 20 bytes of the call data. Anyone else
    ///         appending bytes changes nothing: only the forwarder is read this way.
    function _msgSender() internal view returns (address sender) {
        if (msg.sender != trustedForwarder || trustedForwarder == address(0) || msg.data.length < 24) {
            return msg.sender;
        }
        assembly {
            sender := div(calldataload(sub(calldatasize, 20)), 0x1000000000000000000000000)
        }
    }
}
