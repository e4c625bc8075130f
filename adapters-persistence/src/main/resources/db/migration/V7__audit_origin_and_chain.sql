-- Where each audited action came from, and each event's link in its chain (see AuditChain): its chain (its user's,
-- or its account's, as one node appended them), its place, the previous event's hash and its own. The chain's head is kept apart, so that
-- removing the newest events shows too. V8 links the events written before this version.
ALTER TABLE audit_event ADD COLUMN door VARCHAR(32) NULL;
ALTER TABLE audit_event ADD COLUMN request_id VARCHAR(64) NULL;
ALTER TABLE audit_event ADD COLUMN source_address VARCHAR(64) NULL;
ALTER TABLE audit_event ADD COLUMN user_agent VARCHAR(255) NULL;
ALTER TABLE audit_event ADD COLUMN chain_key VARCHAR(160) NULL;
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT NULL;
ALTER TABLE audit_event ADD COLUMN prev_hash CHAR(64) NULL;
ALTER TABLE audit_event ADD COLUMN event_hash CHAR(64) NULL;
CREATE UNIQUE INDEX uq_audit_event_chain ON audit_event (chain_key, chain_seq);

CREATE TABLE audit_chain (
    chain_key VARCHAR(160) NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash CHAR(64)    NOT NULL
);
