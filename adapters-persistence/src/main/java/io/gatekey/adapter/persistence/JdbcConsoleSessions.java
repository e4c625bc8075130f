package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.ConsoleSessionRepository;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionKey;
import io.gatekey.domain.console.SignInStage;
import io.gatekey.domain.mfa.MfaProvenance;
import io.gatekey.domain.mfa.MfaSerialNumber;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Console sessions in the database, keyed by their token's hash; a replacement is a conditional delete and an insert. */
@Singleton
@StorageBoundary
class JdbcConsoleSessions implements ConsoleSessionRepository {

    private final ConsoleSessionRows rows;

    JdbcConsoleSessions(ConsoleSessionRows rows) {
        this.rows = rows;
    }

    @Override
    public void add(ConsoleSession s) {
        rows.insert(s.key().value(), s.accountId().value(), s.subAccountId().value(), s.stage().name(), s.csrfToken(), s.createdAt().toEpochMilli(),
                s.lastSeenAt().toEpochMilli(), s.mfa().map(p -> p.serialNumber().value()).orElse(null), s.mfa().map(MfaProvenance::matchedStep).orElse(null),
                s.mfa().map(p -> p.verifiedAt().toEpochMilli()).orElse(null));
    }

    @Override
    public Optional<ConsoleSession> find(ConsoleSessionKey key) {
        return rows.findById(key.value()).map(JdbcConsoleSessions::toDomain);
    }

    @Override
    public boolean touch(ConsoleSessionKey key, Instant now) {
        return rows.touch(key.value(), now.toEpochMilli()) == 1;
    }

    /** In the caller's transaction: of two requests replacing one session, only the one whose delete counts a row adds. */
    @Override
    public boolean replace(ConsoleSessionKey old, ConsoleSession next) {
        if (rows.deleteRow(old.value()) != 1) {
            return false;
        }
        add(next);
        return true;
    }

    @Override
    public boolean delete(ConsoleSessionKey key) {
        return rows.deleteRow(key.value()) == 1;
    }

    @Override
    public int deleteAllOf(SubAccountId user) {
        return rows.deleteAllOf(user.value());
    }

    @Override
    public int purgeExpired(Instant idleBefore, Instant begunBefore, int batchSize) {
        List<String> ids = rows.listExpired(idleBefore.toEpochMilli(), begunBefore.toEpochMilli(), batchSize);
        return ids.isEmpty() ? 0 : rows.deleteExpired(idleBefore.toEpochMilli(), begunBefore.toEpochMilli(), ids);
    }

    private static ConsoleSession toDomain(ConsoleSessionRow row) {
        Optional<MfaProvenance> mfa = Optional.ofNullable(row.mfaSerial())
                .map(serial -> new MfaProvenance(new MfaSerialNumber(serial), row.mfaStep(), Instant.ofEpochMilli(row.mfaVerifiedMs())));
        return new ConsoleSession(new ConsoleSessionKey(row.idHash()), new AccountId(row.accountId()), new SubAccountId(row.subAccountId()),
                SignInStage.valueOf(row.stage()), row.csrfToken(), Instant.ofEpochMilli(row.createdMs()), Instant.ofEpochMilli(row.lastSeenMs()), mfa);
    }
}
