-- Applicants' authorisations of agents (授权代办), as the applicant signed them: the chain
-- (ProxyAuthorisation) holds the document's SM3 as the id, the parties' hashes, the services, the
-- period and whether it was revoked, and decides every action; the engine keeps the names and the
-- signed texts here, to list each user's authorisations and to show the principal who acted.
CREATE TABLE ac_proxy_authorisation (
    id                    VARCHAR(66)   NOT NULL PRIMARY KEY,
    principal_id          VARCHAR(255)  NOT NULL,
    agent_id              VARCHAR(255)  NOT NULL,
    services              VARCHAR(4000) NOT NULL,
    valid_from            TIMESTAMP     NOT NULL,
    valid_until           TIMESTAMP     NOT NULL,
    document              TEXT          NOT NULL,
    signature             TEXT          NOT NULL,
    granted_at            TIMESTAMP     NOT NULL,
    grant_tx              VARCHAR(66)   NOT NULL,
    revocation            TEXT,
    revocation_signature  TEXT,
    revoked_at            TIMESTAMP
);
CREATE INDEX ac_proxy_authorisation_principal ON ac_proxy_authorisation (principal_id);
CREATE INDEX ac_proxy_authorisation_agent ON ac_proxy_authorisation (agent_id, principal_id);
