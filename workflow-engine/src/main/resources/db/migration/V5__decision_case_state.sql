-- The case-state document a decision was signed on (docs/decision-payload.md): the canonical JSON
-- whose SM3 is the signed payload's caseState, kept so that a verifier can recompute it and hold
-- the steps it lists against the chain. Null for decisions signed in payload format 1.
ALTER TABLE ac_decision ADD COLUMN case_state TEXT;
