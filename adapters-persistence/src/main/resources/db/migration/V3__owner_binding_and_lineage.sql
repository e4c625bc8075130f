-- A temporary credential dies with the key it was minted with (minted_by) and with the long-term key at the start
-- of its chain (root_key_id).
ALTER TABLE temporary_credential ADD COLUMN minted_by VARCHAR(128) NULL;
ALTER TABLE temporary_credential ADD COLUMN root_key_id VARCHAR(128) NULL;
CREATE INDEX ix_temporary_credential_root ON temporary_credential (root_key_id);
-- A credential whose session token was handed out must present it at every use. Rows from before cannot tell
-- which door issued them, so they are read as bound, the safe reading: NCP STS keys issued before this version
-- are refused at the NCP door and must be issued again.
ALTER TABLE temporary_credential ADD COLUMN token_bound BOOLEAN NOT NULL DEFAULT TRUE;

-- Sealed values' associated data names their owner (account and sub account) as well as their place, so a row
-- moved to another owner no longer opens. Rows sealed before are re-sealed when a node starts (or by
-- 'gatekey db migrate'), and until then do not open at all.
ALTER TABLE access_key ADD COLUMN owner_bound BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE mfa_device ADD COLUMN owner_bound BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE temporary_credential ADD COLUMN owner_bound BOOLEAN NOT NULL DEFAULT FALSE;
