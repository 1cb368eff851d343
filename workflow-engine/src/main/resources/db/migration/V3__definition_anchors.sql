-- Each deployed process version anchored in DefinitionRegistry: the SM3 hashes of its BPMN and of
-- its automation map, and the transaction that recorded them (write key definition/<key>/<version>).
CREATE TABLE ac_definition_anchor (
    process_key    VARCHAR(255)  NOT NULL,
    version        INT           NOT NULL,
    bpmn_hash      VARCHAR(66)   NOT NULL,
    map_hash       VARCHAR(66)   NOT NULL,
    tx_hash        VARCHAR(66)   NOT NULL,
    block_number   BIGINT        NOT NULL,
    anchored_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (process_key, version)
);
