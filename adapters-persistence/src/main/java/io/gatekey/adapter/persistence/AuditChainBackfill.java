package io.gatekey.adapter.persistence;

import io.gatekey.domain.audit.AuditChain;
import io.gatekey.domain.audit.AuditChainHead;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 8: links the audit events written before version 7 into their chains, oldest first, and records each
 * chain's head, once. From then on every append links its own event.
 */
final class AuditChainBackfill implements JavaMigration {

    static final int VERSION = 8;
    /** The writer of the chains that hold the events from before version 7. */
    static final String WRITER = "migration-8";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(VERSION));
    }

    @Override
    public String getDescription() {
        return "link audit events";
    }

    @Override
    public Integer getChecksum() {
        return VERSION;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<String, AuditChainHead> heads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM audit_event WHERE chain_key IS NULL ORDER BY at_ms, id");
             PreparedStatement link = connection.prepareStatement(
                     "UPDATE audit_event SET door = ?, chain_key = ?, chain_seq = ?, prev_hash = ?, event_hash = ? WHERE id = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                AuditEventRow row = new AuditEventRow(rs.getLong("id"), rs.getLong("at_ms"), rs.getString("event_type"), rs.getString("account_id"),
                        rs.getString("sub_account_id"), rs.getString("actor"), rs.getString("subject"), rs.getString("detail"),
                        AuditEventLinks.UNRECORDED_DOOR, null, null, null, null, null, null, null);
                AuditEvent event = AuditEventLinks.event(row);
                AuditLink next = AuditChain.next(Optional.ofNullable(heads.get(AuditChain.chainOf(event, WRITER))), event, WRITER);
                heads.put(next.chain(), next.asHead());
                link.setString(1, AuditEventLinks.UNRECORDED_DOOR);
                link.setString(2, next.chain());
                link.setLong(3, next.seq());
                link.setString(4, next.previousHash());
                link.setString(5, next.hash());
                link.setLong(6, row.id());
                link.addBatch();
            }
            link.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_chain (chain_key, last_seq, last_hash) VALUES (?, ?, ?)")) {
            for (AuditChainHead head : heads.values()) {
                insert.setString(1, head.chain());
                insert.setLong(2, head.seq());
                insert.setString(3, head.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
