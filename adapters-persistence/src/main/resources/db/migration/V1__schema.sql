-- Gatekey schema. Times are epoch milliseconds (BIGINT), so no time zone ever shifts them.
-- Secret columns (*_sealed) hold AES-256-GCM output under the master key version in key_version;
-- nothing secret is stored in plain text.

CREATE TABLE account (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    login_alias VARCHAR(20)  NULL,
    created_ms  BIGINT       NOT NULL,
    CONSTRAINT uq_account_login_alias UNIQUE (login_alias)
);

CREATE TABLE sub_account (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    name       VARCHAR(64) NOT NULL,
    active     BOOLEAN     NOT NULL,
    created_ms BIGINT      NOT NULL,
    CONSTRAINT uq_sub_account_name UNIQUE (account_id, name),
    CONSTRAINT fk_sub_account_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE TABLE access_key (
    id             VARCHAR(128)  NOT NULL PRIMARY KEY,
    account_id     VARCHAR(64)   NOT NULL,
    sub_account_id VARCHAR(64)   NULL,
    secret_sealed  VARBINARY(512) NOT NULL,
    key_version    INT           NOT NULL,
    active         BOOLEAN       NOT NULL,
    created_ms     BIGINT        NOT NULL,
    last_used_ms   BIGINT        NULL,
    CONSTRAINT fk_access_key_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_access_key_sub_account FOREIGN KEY (sub_account_id) REFERENCES sub_account (id)
);
CREATE INDEX ix_access_key_owner ON access_key (account_id, sub_account_id);
CREATE INDEX ix_access_key_version ON access_key (key_version);

CREATE TABLE mfa_device (
    serial_number      VARCHAR(160)  NOT NULL PRIMARY KEY,
    account_id         VARCHAR(64)   NOT NULL,
    sub_account_id     VARCHAR(64)   NOT NULL,
    device_type        VARCHAR(16)   NOT NULL,
    seed_sealed        VARBINARY(512) NOT NULL,
    key_version        INT           NOT NULL,
    algorithm          VARCHAR(8)    NOT NULL,
    digits             INT           NOT NULL,
    period_seconds     INT           NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    last_accepted_step BIGINT        NOT NULL,
    failed_attempts    INT           NOT NULL,
    locked_until_ms    BIGINT        NULL,
    drift_steps        INT           NOT NULL,
    created_ms         BIGINT        NOT NULL,
    enabled_ms         BIGINT        NULL,
    CONSTRAINT fk_mfa_device_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_mfa_device_sub_account FOREIGN KEY (sub_account_id) REFERENCES sub_account (id)
);
CREATE INDEX ix_mfa_device_sub_account ON mfa_device (sub_account_id);
CREATE INDEX ix_mfa_device_account ON mfa_device (account_id, serial_number);
CREATE INDEX ix_mfa_device_version ON mfa_device (key_version);

-- Temporary credentials go with their sub account; the MFA serial is history, not a reference.
CREATE TABLE temporary_credential (
    access_key_id   VARCHAR(128)  NOT NULL PRIMARY KEY,
    account_id      VARCHAR(64)   NOT NULL,
    sub_account_id  VARCHAR(64)   NOT NULL,
    secret_sealed   VARBINARY(512) NOT NULL,
    token_sealed    VARBINARY(2048) NOT NULL,
    key_version     INT           NOT NULL,
    created_ms      BIGINT        NOT NULL,
    expires_ms      BIGINT        NOT NULL,
    revoked         BOOLEAN       NOT NULL,
    mfa_serial      VARCHAR(160)  NULL,
    mfa_step        BIGINT        NULL,
    mfa_verified_ms BIGINT        NULL,
    CONSTRAINT fk_temporary_credential_sub_account FOREIGN KEY (sub_account_id) REFERENCES sub_account (id) ON DELETE CASCADE
);
CREATE INDEX ix_temporary_credential_sub_account ON temporary_credential (sub_account_id, expires_ms);
CREATE INDEX ix_temporary_credential_mfa_serial ON temporary_credential (mfa_serial);
CREATE INDEX ix_temporary_credential_expires ON temporary_credential (expires_ms);
CREATE INDEX ix_temporary_credential_version ON temporary_credential (key_version);

CREATE TABLE audit_event (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at_ms      BIGINT       NOT NULL,
    event_type VARCHAR(32)  NOT NULL,
    account_id VARCHAR(64)  NOT NULL,
    sub_account_id VARCHAR(64) NULL,
    actor      VARCHAR(255) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    detail     VARCHAR(512) NOT NULL
);
CREATE INDEX ix_audit_event_at ON audit_event (at_ms);
CREATE INDEX ix_audit_event_account ON audit_event (account_id, at_ms);
CREATE INDEX ix_audit_event_sub_account ON audit_event (sub_account_id, at_ms);
