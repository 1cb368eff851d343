-- A chain write keeps its signed transaction only until its receipt is noted: from then on the
-- chain holds it, and the journal its hash (ChainWriter). It was the largest part of what the
-- engine kept per case (about 3 KB per write, 5 to 6 writes per business registration). Writes
-- noted before keep theirs: clearing them here would rewrite the whole table at an upgrade.
ALTER TABLE ac_chain_write ALTER COLUMN signed_tx DROP NOT NULL;
