package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.secret.SecretIntegrityException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A sealed secret copied into another row does not open: the row id is its associated data. */
class SealedValuePlacementTest {

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Test
    void aSecretMovedToAnotherKeysRowIsRefused() throws Exception {
        TestStore store = TestStore.h2();
        GatekeyPorts ports = store.ports(Clock.systemUTC());
        Account account = Account.create(AccountId.fromRandom(random(16)), new AccountName("Acme"), Instant.now());
        ports.accounts().add(account);
        AccessKey victim = AccessKey.create(AccessKeyId.longTerm(random(10)), KeyOwner.admin(account.id()), SecretKey.fromRandom(random(30)), Instant.now());
        AccessKey attacker = AccessKey.create(AccessKeyId.longTerm(random(10)), KeyOwner.admin(account.id()), SecretKey.fromRandom(random(30)), Instant.now());
        ports.accessKeys().addWithinLimit(victim, 2);
        ports.accessKeys().addWithinLimit(attacker, 2);

        DataSource dataSource = DelegatingDataSource.unwrapDataSource(store.context.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection()) {
            byte[] sealed;
            try (PreparedStatement read = connection.prepareStatement("SELECT secret_sealed FROM access_key WHERE id = ?")) {
                read.setString(1, victim.id().value());
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    sealed = rs.getBytes(1);
                }
            }
            try (PreparedStatement write = connection.prepareStatement("UPDATE access_key SET secret_sealed = ? WHERE id = ?")) {
                write.setBytes(1, sealed);
                write.setString(2, attacker.id().value());
                write.executeUpdate();
            }
        }

        assertThrows(SecretIntegrityException.class, () -> ports.accessKeys().find(attacker.id()));
    }
}
