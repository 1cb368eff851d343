-- The chain explorer finds the journalled write (and so the case) of a transaction by its hash.
CREATE INDEX ac_chain_write_by_tx_hash ON ac_chain_write (tx_hash);
