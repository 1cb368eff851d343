-- Portable between H2 (the embedded default) and PostgreSQL: TEXT, not CLOB, for long text.

-- Every chain write the engine makes, keyed by what it records (exactly once: the signed
-- transaction is stored before it is sent, so a retry resends the same transaction).
CREATE TABLE ac_chain_write (
    write_key      VARCHAR(400) PRIMARY KEY,
    contract_name  VARCHAR(64)  NOT NULL,
    tx_hash        VARCHAR(66)  NOT NULL,
    signed_tx      TEXT         NOT NULL,
    block_limit    BIGINT       NOT NULL,
    block_number   BIGINT,
    status         INT,
    revert_reason  VARCHAR(2000),
    output_hex     TEXT,
    created_at     TIMESTAMP    NOT NULL,
    completed_at   TIMESTAMP
);

-- The engine's contracts on the chain it is configured for.
CREATE TABLE ac_contract (
    name          VARCHAR(64)  PRIMARY KEY,
    address       VARCHAR(42)  NOT NULL,
    tx_hash       VARCHAR(66)  NOT NULL,
    block_number  BIGINT       NOT NULL,
    deployed_at   TIMESTAMP    NOT NULL
);

-- Approvers' registered SM2 public keys (never a private key).
CREATE TABLE ac_approver_key (
    user_id        VARCHAR(255) PRIMARY KEY,
    public_key_hex VARCHAR(132)  NOT NULL,
    fingerprint    VARCHAR(66)   NOT NULL,
    pem            TEXT          NOT NULL,
    registered_by  VARCHAR(255)  NOT NULL,
    registered_at  TIMESTAMP     NOT NULL
);
