-- Per-owner limits are held by unique keys, which every node of a Galera cluster checks at commit, rather than by
-- counting first (two nodes counting at once would both see room).

-- An owner's access keys fill numbered places ('s:<sub account>/1', 'a:<account>/2' for the admin's); a key
-- takes a free place, so no owner holds more keys than there are places. Existing keys are numbered in the order
-- they were created.
ALTER TABLE access_key ADD COLUMN owner_slot VARCHAR(80) NULL;
UPDATE access_key SET owner_slot = CONCAT(
    CASE WHEN sub_account_id IS NULL THEN CONCAT('a:', account_id) ELSE CONCAT('s:', sub_account_id) END, '/',
    (SELECT COUNT(*) FROM (SELECT id, account_id, sub_account_id, created_ms FROM access_key) earlier
     WHERE earlier.account_id = access_key.account_id
       AND COALESCE(earlier.sub_account_id, '') = COALESCE(access_key.sub_account_id, '')
       AND (earlier.created_ms < access_key.created_ms OR (earlier.created_ms = access_key.created_ms AND earlier.id <= access_key.id))));
CREATE UNIQUE INDEX uq_access_key_owner_slot ON access_key (owner_slot);

-- A user holds at most one device of each type.
CREATE UNIQUE INDEX uq_mfa_device_type ON mfa_device (sub_account_id, device_type);
