-- A chain write's output was never kept here: a step's result is in the case record and its
-- receipt on the chain. The empty column goes (on H2 the table is copied once at this upgrade).
ALTER TABLE ac_chain_write DROP COLUMN output_hex;
