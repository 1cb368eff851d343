pragma solidity ^0.5.2;

/// @title Roles shared by every ApprovalChain contract.
/// @notice The admin manages roles and parameters; writers are the department accounts the
///         workflow engine signs with. Only writers change records, only the admin changes rules.
contract DepartmentAccess {
    address public admin;
    mapping(address => string) private departments;
    mapping(address => bool) private writers;

    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);
    event WriterGranted(address indexed account, string department);
    event WriterRevoked(address indexed account);

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
        require(writers[msg.sender], "Access: caller is not a department writer");
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

    function isWriter(address account) public view returns (bool) {
        return writers[account];
    }

    function departmentOf(address account) public view returns (string memory) {
        return departments[account];
    }
}
