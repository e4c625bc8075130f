-- Console sessions, kept server-side so every node sees a sign-in. A session is found by the SHA-256 of its token
-- (id_hash); the token itself is never stored, so reading this table opens no session.
CREATE TABLE console_session (
    id_hash         CHAR(64)     NOT NULL PRIMARY KEY,
    account_id      VARCHAR(64)  NOT NULL,
    sub_account_id  VARCHAR(64)  NOT NULL,
    stage           VARCHAR(16)  NOT NULL,
    csrf_token      VARCHAR(64)  NOT NULL,
    created_ms      BIGINT       NOT NULL,
    last_seen_ms    BIGINT       NOT NULL,
    mfa_serial      VARCHAR(160) NULL,
    mfa_step        BIGINT       NULL,
    mfa_verified_ms BIGINT       NULL
);
CREATE INDEX ix_console_session_user ON console_session (sub_account_id);
CREATE INDEX ix_console_session_seen ON console_session (last_seen_ms);
CREATE INDEX ix_console_session_created ON console_session (created_ms);

-- Failed console passwords count toward a lockout of the user's sign-in, as failed codes lock a device.
ALTER TABLE sub_account ADD COLUMN sign_in_failures INT NOT NULL DEFAULT 0;
ALTER TABLE sub_account ADD COLUMN sign_in_locked_until_ms BIGINT NULL;
