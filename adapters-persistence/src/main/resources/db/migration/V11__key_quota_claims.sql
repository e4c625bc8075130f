-- A key created under IAM's quota (at most two keys, inactive ones too, as the AWS door counts them) is counted
-- after a write to its owner's row: two such creates for one owner then conflict, on one server (the row's lock)
-- and across a Galera cluster (certification), so the second counts the first's key. Unique places hold the
-- active keys' limit (V4); a count of every key has no place to hold, hence this write.
ALTER TABLE account ADD COLUMN key_quota_claims BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sub_account ADD COLUMN key_quota_claims BIGINT NOT NULL DEFAULT 0;
