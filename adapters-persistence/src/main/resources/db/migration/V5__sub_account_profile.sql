-- NCP's whole sub account profile (and the console's fields), sub account numbers per account, and the limit of
-- sub accounts per account held by a counter on the account's row (one conditional update, so racing nodes
-- cannot both take the last place).
ALTER TABLE account ADD COLUMN sub_account_count INT NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN last_sub_account_no BIGINT NOT NULL DEFAULT 0;
UPDATE account SET sub_account_count = (SELECT COUNT(*) FROM sub_account s WHERE s.account_id = account.id),
                   last_sub_account_no = (SELECT COUNT(*) FROM sub_account s WHERE s.account_id = account.id);

-- Existing sub accounts are numbered in the order they were created.
ALTER TABLE sub_account ADD COLUMN sub_account_no BIGINT NULL;
UPDATE sub_account SET sub_account_no =
    (SELECT COUNT(*) FROM (SELECT id, account_id, created_ms FROM sub_account) earlier
     WHERE earlier.account_id = sub_account.account_id
       AND (earlier.created_ms < sub_account.created_ms OR (earlier.created_ms = sub_account.created_ms AND earlier.id <= sub_account.id)));
CREATE UNIQUE INDEX uq_sub_account_no ON sub_account (account_id, sub_account_no);

-- The display name starts as the login id (at least two characters, at most thirty).
ALTER TABLE sub_account ADD COLUMN display_name VARCHAR(30) NULL;
UPDATE sub_account SET display_name = CASE WHEN CHAR_LENGTH(name) < 2 THEN CONCAT(name, '_') ELSE LEFT(name, 30) END;
ALTER TABLE sub_account ADD COLUMN email VARCHAR(100) NULL;
ALTER TABLE sub_account ADD COLUMN memo VARCHAR(300) NOT NULL DEFAULT '';
ALTER TABLE sub_account ADD COLUMN can_api_gateway_access BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE sub_account ADD COLUMN use_api_allow_source BOOLEAN NOT NULL DEFAULT FALSE;
-- One source per line: 'IP 203.0.113.0/24'.
ALTER TABLE sub_account ADD COLUMN api_allow_sources TEXT NULL;
ALTER TABLE sub_account ADD COLUMN can_console_access BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sub_account ADD COLUMN mfa_mandatory BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sub_account ADD COLUMN need_password_reset BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sub_account ADD COLUMN use_console_permit_ip BOOLEAN NOT NULL DEFAULT FALSE;
-- One range per line.
ALTER TABLE sub_account ADD COLUMN console_permit_ips TEXT NULL;
-- The console password, as an Argon2id hash; none until one is set.
ALTER TABLE sub_account ADD COLUMN password_hash VARCHAR(255) NULL;
ALTER TABLE sub_account ADD COLUMN modified_ms BIGINT NULL;
UPDATE sub_account SET modified_ms = created_ms;
ALTER TABLE sub_account ADD COLUMN last_login_ms BIGINT NULL;

-- NCP limits active access keys, not all of them: only an active key holds one of its owner's places.
UPDATE access_key SET owner_slot = NULL WHERE active = FALSE;
