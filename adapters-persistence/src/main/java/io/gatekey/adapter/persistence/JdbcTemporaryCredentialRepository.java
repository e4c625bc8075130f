package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.TemporaryCredentialRepository;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.CredentialOrigin;
import io.gatekey.domain.credential.SessionToken;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaProvenance;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.secret.SealedSecret;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Temporary credentials in the database, secret and session token sealed. */
@Singleton
@StorageBoundary
class JdbcTemporaryCredentialRepository implements TemporaryCredentialRepository {

    static final String TABLE = "temporary_credential";
    static final String SECRET = "secret";
    static final String TOKEN = "token";

    static final RowInsert INSERT = new RowInsert("INSERT", TABLE, "access_key_id", "account_id", "sub_account_id", "secret_sealed", "token_sealed",
            "key_version", "created_ms", "expires_ms", "revoked", "mfa_serial", "mfa_step", "mfa_verified_ms", "minted_by", "root_key_id",
            "token_bound", "owner_bound");

    private final TemporaryCredentialRows rows;
    private final Sealing sealing;
    private final ConnectionOperations<Connection> connections;

    JdbcTemporaryCredentialRepository(TemporaryCredentialRows rows, Sealing sealing, ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.sealing = sealing;
        this.connections = connections;
    }

    @Override
    @Shareable
    public void add(TemporaryCredential credential) {
        String id = credential.accessKeyId().value();
        String owner = Sealing.owner(credential.accountId().value(), credential.subAccountId().value());
        SealedSecret secret = sealing.seal(TABLE, id, SECRET, owner, credential.secret().bytes());
        SealedSecret token = sealing.seal(TABLE, id, TOKEN, owner, credential.sessionToken().reveal().getBytes(StandardCharsets.UTF_8));
        Optional<MfaProvenance> mfa = credential.mfa();
        Optional<CredentialOrigin> origin = credential.origin();
        INSERT.insertOrGather(connections, new Object[] {id, credential.accountId().value(), credential.subAccountId().value(),
                secret.sealed(), token.sealed(), secret.keyVersion(), credential.createdAt().toEpochMilli(),
                credential.expiresAt().toEpochMilli(), credential.revoked(),
                mfa.map(p -> p.serialNumber().value()).orElse(null), mfa.map(MfaProvenance::matchedStep).orElse(null),
                mfa.map(p -> p.verifiedAt().toEpochMilli()).orElse(null),
                origin.map(o -> o.mintedBy().value()).orElse(null), origin.flatMap(CredentialOrigin::rootKey).map(AccessKeyId::value).orElse(null),
                credential.tokenBound(), true});
    }

    @Override
    public Optional<TemporaryCredential> find(AccessKeyId id) {
        return rows.findById(id.value()).map(this::toDomain);
    }

    @Override
    public List<TemporaryCredential> listUnexpired(SubAccountId subAccountId, Instant now) {
        return rows.listUnexpired(subAccountId.value(), now.toEpochMilli()).stream().map(this::toDomain).toList();
    }

    @Override
    public boolean revoke(AccessKeyId id) {
        return rows.revoke(id.value()) == 1;
    }

    @Override
    public int revokeAllOf(SubAccountId subAccountId) {
        return rows.revokeAllOf(subAccountId.value());
    }

    @Override
    public int revokeAllFromDevice(MfaSerialNumber serialNumber) {
        return rows.revokeAllFromDevice(serialNumber.value());
    }

    @Override
    public int revokeAllFromRootKey(AccessKeyId rootKey) {
        return rows.revokeAllFromRootKey(rootKey.value());
    }

    @Override
    public int purgeExpired(Instant cutoff, int batchSize) {
        // Select the batch by the expiry index, then delete by primary key: short statements, short locks.
        List<String> ids = rows.listExpiredIds(cutoff.toEpochMilli(), batchSize);
        return ids.isEmpty() ? 0 : rows.deleteRows(ids);
    }

    private TemporaryCredential toDomain(TemporaryCredentialRow row) {
        String id = row.accessKeyId();
        byte[] secret = sealing.open(TABLE, id, SECRET, owner(row), row.ownerBound(), row.secretSealed(), row.keyVersion());
        byte[] token = sealing.open(TABLE, id, TOKEN, owner(row), row.ownerBound(), row.tokenSealed(), row.keyVersion());
        Optional<MfaProvenance> mfa = Optional.ofNullable(row.mfaSerial()).map(serial -> new MfaProvenance(
                new MfaSerialNumber(serial), row.mfaStep(), Instant.ofEpochMilli(row.mfaVerifiedMs())));
        return new TemporaryCredential(new AccessKeyId(id), SecretKey.fromBytes(secret),
                SessionToken.of(new String(token, StandardCharsets.UTF_8)), new AccountId(row.accountId()),
                new SubAccountId(row.subAccountId()), Instant.ofEpochMilli(row.createdMs()), Instant.ofEpochMilli(row.expiresMs()),
                row.revoked(), mfa, Optional.ofNullable(row.mintedBy()).map(by -> new CredentialOrigin(new AccessKeyId(by),
                        Optional.ofNullable(row.rootKeyId()).map(AccessKeyId::new))), row.tokenBound());
    }

    static String owner(TemporaryCredentialRow row) {
        return Sealing.owner(row.accountId(), row.subAccountId());
    }
}
