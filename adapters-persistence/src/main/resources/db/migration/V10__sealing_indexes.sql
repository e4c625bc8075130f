-- The rows a master key rotation or the owner-binding upgrade has yet to re-seal are those not bound to their owner
-- or sealed under another key version. An index on (owner_bound, key_version) finds them, and tells a starting
-- server that no row awaits the upgrade without reading each table whole. It replaces the index on key_version
-- alone, which no query could use: each asks for the other version OR an unbound row.
DROP INDEX ix_access_key_version ON access_key;
CREATE INDEX ix_access_key_sealing ON access_key (owner_bound, key_version);
DROP INDEX ix_mfa_device_version ON mfa_device;
CREATE INDEX ix_mfa_device_sealing ON mfa_device (owner_bound, key_version);
DROP INDEX ix_temporary_credential_version ON temporary_credential;
CREATE INDEX ix_temporary_credential_sealing ON temporary_credential (owner_bound, key_version);
