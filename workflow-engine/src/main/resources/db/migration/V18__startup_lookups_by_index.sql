-- What start-up and every health check look up, by index rather than by reading every row: the
-- decisions kept but not on chain yet (DecisionRecorder.recoverPending, at start-up and every 30 s)
-- and the journal's unconfirmed writes (the chainJournal readiness check and its metrics). Both
-- tables grow with every case; the rows looked for stay few.
CREATE INDEX ac_decision_by_state ON ac_decision (state);
CREATE INDEX ac_chain_write_unconfirmed ON ac_chain_write (completed_at, created_at);
