-- Temporary credentials and request nonces are kept in the order they are written. Their keys (an access key id, a
-- signature) are random, and InnoDB stores a table's rows in its primary key's order: each issuance then wrote into a
-- page anywhere in both tables, which split half-full and all stayed in the buffer pool's working set, so once the
-- tables outgrew the pool every issuance read and wrote pages on disk. A key in write order makes each insert an
-- append; the former keys stay unique, and are still how every query finds a row, through unique indexes.
-- Each of the two ALTERs rebuilds its table (the embedded default's H2 takes them one at a time).
CREATE UNIQUE INDEX uq_temporary_credential_access_key ON temporary_credential (access_key_id);
ALTER TABLE temporary_credential DROP PRIMARY KEY;
ALTER TABLE temporary_credential ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY;
CREATE UNIQUE INDEX uq_request_nonce ON request_nonce (access_key_id, nonce);
ALTER TABLE request_nonce DROP PRIMARY KEY;
ALTER TABLE request_nonce ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY;
