package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * An {@code access_key} row with its owner's {@code sub_account} row (none for an account's own key), read in one
 * joined {@code SELECT} by column position. It is the read of every signed request whose key is not cached, so it
 * skips what a repository query costs per row: naming each column per property, converting through the entity's
 * description (about a fifth of this read's samples in a profile), the interceptors around the call.
 */
record OwnedKeyRow(AccessKeyRow key, @Nullable SubAccountRow owner) {

    private static final String SELECT = "SELECT k.id, k.account_id, k.sub_account_id, k.secret_sealed, k.key_version, k.active, k.created_ms, "
            + "k.last_used_ms, k.owner_bound, k.owner_slot, u.id, u.account_id, u.sub_account_no, u.name, u.display_name, u.email, u.memo, "
            + "u.can_api_gateway_access, u.use_api_allow_source, u.api_allow_sources, u.can_console_access, u.mfa_mandatory, "
            + "u.need_password_reset, u.use_console_permit_ip, u.console_permit_ips, u.password_hash, u.active, u.created_ms, "
            + "u.modified_ms, u.last_login_ms, k.last_used_service, k.last_used_region "
            + "FROM access_key k LEFT JOIN sub_account u ON u.id = k.sub_account_id WHERE k.id = ?";

    /** The key with this id and its owner, on the given connection. */
    static Optional<OwnedKeyRow> find(Connection connection, String id) {
        return Statements.queryOne(connection, SELECT, id, row -> new OwnedKeyRow(key(row), owner(row)));
    }

    private static AccessKeyRow key(ResultSet row) throws SQLException {
        return new AccessKeyRow(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4), row.getInt(5), row.getBoolean(6),
                row.getLong(7), Statements.nullableLong(row, 8), row.getBoolean(9), row.getString(10), row.getString(31), row.getString(32));
    }

    private static SubAccountRow owner(ResultSet row) throws SQLException {
        String id = row.getString(11);
        if (id == null) {
            return null;
        }
        return new SubAccountRow(id, row.getString(12), row.getLong(13), row.getString(14), row.getString(15), row.getString(16),
                row.getString(17), row.getBoolean(18), row.getBoolean(19), row.getString(20), row.getBoolean(21), row.getBoolean(22),
                row.getBoolean(23), row.getBoolean(24), row.getString(25), row.getString(26), row.getBoolean(27), row.getLong(28),
                row.getLong(29), Statements.nullableLong(row, 30));
    }
}
