-- Where a long-term key was last used: the service its request was signed for (AWS's sts or iam from the
-- signature's scope, another door's own name) and the region the scope named. NULL for a use recorded before, or
-- one whose request named none.
ALTER TABLE access_key ADD COLUMN last_used_service VARCHAR(32) NULL;
ALTER TABLE access_key ADD COLUMN last_used_region VARCHAR(32) NULL;
