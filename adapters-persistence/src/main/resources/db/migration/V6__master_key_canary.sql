-- A known value sealed under the master key: readiness opens it, so a node configured with a key that does not
-- open this database's secrets leaves the load balancer instead of refusing every signed request.
CREATE TABLE master_key_canary (
    id          INT            NOT NULL PRIMARY KEY,
    sealed      VARBINARY(256) NOT NULL,
    key_version INT            NOT NULL
);
