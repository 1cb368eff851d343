-- Every step of a case with its chain evidence, as the engine recorded it. step_key is
-- <case id>/<activity id>#<visit>; the same activity instance id goes to CaseLedger.recordStep.
CREATE TABLE ac_case_step (
    step_key       VARCHAR(400)  PRIMARY KEY,
    case_id        VARCHAR(64)   NOT NULL,
    activity_id    VARCHAR(255)  NOT NULL,
    activity_name  VARCHAR(500),
    visit          INT           NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    contract_name  VARCHAR(64),
    function_name  VARCHAR(128),
    inputs_hash    VARCHAR(66),
    result_hash    VARCHAR(66)   NOT NULL,
    result_json    TEXT,
    call_tx_hash   VARCHAR(66),
    call_block     BIGINT,
    call_status    INT,
    revert_reason  VARCHAR(2000),
    step_tx_hash   VARCHAR(66)   NOT NULL,
    step_block     BIGINT        NOT NULL,
    actor          VARCHAR(255),
    recorded_at    TIMESTAMP     NOT NULL
);
CREATE INDEX ac_case_step_by_case ON ac_case_step (case_id, recorded_at);

-- Signed human decisions: the exact payload, its signature and where it is on chain. A decision
-- is kept (state SIGNED) before it is written to the chain, so that a crash cannot lose it; it is
-- RECORDED once on chain, in the transaction that completes its task.
CREATE TABLE ac_decision (
    task_id           VARCHAR(64)   PRIMARY KEY,
    case_id           VARCHAR(64)   NOT NULL,
    activity_id       VARCHAR(255)  NOT NULL,
    approver_id       VARCHAR(255)  NOT NULL,
    decision          VARCHAR(32)   NOT NULL,
    reasons           TEXT,
    payload           TEXT          NOT NULL,
    payload_sm3       VARCHAR(66)   NOT NULL,
    signature_b64     TEXT          NOT NULL,
    public_key_hex    VARCHAR(132)  NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    decision_tx_hash  VARCHAR(66),
    decision_block    BIGINT,
    signed_at         TIMESTAMP     NOT NULL,
    recorded_at       TIMESTAMP
);
CREATE INDEX ac_decision_by_case ON ac_decision (case_id);
