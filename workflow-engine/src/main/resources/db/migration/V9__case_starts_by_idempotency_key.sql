-- A case started with an Idempotency-Key header: a retried start with the same key (from the same
-- user) answers this case instead of opening another. request_sm3 is the SM3 of the start request
-- (process key, application, applicant), so that a key reused for another request is refused.
-- Written in the transaction that starts the case.
CREATE TABLE ac_case_start (
    user_id          VARCHAR(255) NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    process_key      VARCHAR(255) NOT NULL,
    request_sm3      VARCHAR(66)  NOT NULL,
    case_id          VARCHAR(64)  NOT NULL,
    started_at       TIMESTAMP    NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
