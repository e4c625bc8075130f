-- Nonces of signed requests (Tencent v2), remembered while the signature could be replayed.
CREATE TABLE request_nonce (
    access_key_id VARCHAR(128) NOT NULL,
    nonce         VARCHAR(128) NOT NULL,
    expires_ms    BIGINT       NOT NULL,
    PRIMARY KEY (access_key_id, nonce)
);
CREATE INDEX ix_request_nonce_expires ON request_nonce (expires_ms);
