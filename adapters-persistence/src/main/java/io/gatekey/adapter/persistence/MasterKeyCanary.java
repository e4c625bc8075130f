package io.gatekey.adapter.persistence;

import io.gatekey.domain.secret.SealedSecret;
import io.gatekey.domain.secret.SecretIntegrityException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A known value sealed under the master key in {@code master_key_canary}: the first node to check seals it, every
 * check opens it. A node whose key does not open it would refuse every stored secret, so readiness fails on it. The
 * first check seals it only under a key that opens the secrets already stored, if any.
 * Re-sealing under a new key version ({@link MasterKeyRotation}) re-seals it too.
 */
@Singleton
public class MasterKeyCanary {

    static final String TABLE = "master_key_canary";
    private static final byte[] VALUE = "gatekey master key canary".getBytes(StandardCharsets.US_ASCII);

    private final DataSource dataSource;
    private final Sealing sealing;

    MasterKeyCanary(DataSource dataSource, Sealing sealing) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.sealing = sealing;
    }

    /** Whether the configured master key opens the canary (sealing it first if no node has). */
    public boolean opens() {
        try (Connection connection = dataSource.getConnection()) {
            return opens(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the master key canary: " + e.getMessage(), e);
        }
    }

    /** The same, on an autocommit connection the caller holds. */
    public boolean opens(Connection connection) {
        try {
            SealedSecret stored = read(connection);
            if (stored == null) {
                if (!opensAStoredKey(connection)) {
                    // Secrets were stored before any node sealed the canary (commands ran, no server yet), and this key
                    // does not open them: sealing the canary under it would make a wrong key look right from now on.
                    return false;
                }
                try {
                    write(connection, "INSERT IGNORE INTO " + TABLE + " (sealed, key_version, id) VALUES (?, ?, 1)", sealing.seal(TABLE, "1", "sealed", "", VALUE));
                } catch (SQLException e) {
                    // Another node sealed it at the same moment (on Galera its insert won certification): read theirs.
                    if (!SqlErrors.isWriteConflict(e) && !SqlErrors.isUniqueViolation(e)) {
                        throw e;
                    }
                }
                stored = read(connection);
            }
            return stored != null && MessageDigest.isEqual(VALUE, sealing.open(TABLE, "1", "sealed", "", true, stored.sealed(), stored.keyVersion()));
        } catch (SecretIntegrityException e) {
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the master key canary: " + e.getMessage(), e);
        }
    }

    /** Re-seals the canary under the active version, as rotation does for every stored secret; returns 1 when it did. */
    int reseal() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            SealedSecret stored = read(connection);
            if (stored == null || stored.keyVersion() == sealing.activeVersion()) {
                return 0;
            }
            byte[] plain = sealing.open(TABLE, "1", "sealed", "", true, stored.sealed(), stored.keyVersion());
            return write(connection, "UPDATE " + TABLE + " SET sealed = ?, key_version = ? WHERE id = 1", sealing.seal(TABLE, "1", "sealed", "", plain));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-seal the master key canary: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the configured key opens the first stored access key (true when none is stored yet). Every account has
     * one from its start, so a database that holds any secret holds one of these.
     */
    private boolean opensAStoredKey(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, account_id, sub_account_id, secret_sealed, key_version FROM "
                + JdbcAccessKeyRepository.TABLE + " WHERE owner_bound = TRUE ORDER BY id LIMIT 1");
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return true;
            }
            sealing.open(JdbcAccessKeyRepository.TABLE, rs.getString(1), JdbcAccessKeyRepository.SECRET, Sealing.owner(rs.getString(2), rs.getString(3)),
                    true, rs.getBytes(4), rs.getInt(5));
            return true;
        } catch (SecretIntegrityException e) {
            return false;
        }
    }

    private static SealedSecret read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT sealed, key_version FROM " + TABLE + " WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? new SealedSecret(rs.getInt(2), rs.getBytes(1)) : null;
        }
    }

    private static int write(Connection connection, String sql, SealedSecret secret) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, secret.sealed());
            statement.setInt(2, secret.keyVersion());
            return statement.executeUpdate();
        }
    }
}
