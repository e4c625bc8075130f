package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.ApiAllowSource;
import io.gatekey.domain.account.IpRange;
import io.gatekey.domain.account.PasswordHash;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.account.SubAccountProfile;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.shared.ConflictException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Sub accounts in the database; names are unique per account by index. */
@Singleton
@StorageBoundary
class JdbcSubAccountRepository implements SubAccountRepository {

    private final SubAccountRows rows;

    JdbcSubAccountRepository(SubAccountRows rows) {
        this.rows = rows;
    }

    @Override
    public void add(SubAccount user) {
        if (rows.countByName(user.accountId().value(), user.name().value()) > 0) {
            throw new ConflictException(ConflictException.Conflict.SUB_ACCOUNT_NAME_TAKEN);
        }
        SubAccountProfile p = user.profile();
        try {
            rows.save(new SubAccountRow(user.id().value(), user.accountId().value(), user.number(), user.name().value(), p.name(),
                    p.email().orElse(null), p.memo(), p.canApiGatewayAccess(), p.useApiAllowSource(), sources(p.apiAllowSources()),
                    p.canConsoleAccess(), p.mfaMandatory(), p.needPasswordReset(), p.useConsolePermitIp(), ranges(p.consolePermitIps()), null,
                    user.active(), user.createdAt().toEpochMilli(), user.modifiedAt().toEpochMilli(), user.lastLoginAt().map(Instant::toEpochMilli).orElse(null)));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException(ConflictException.Conflict.SUB_ACCOUNT_NAME_TAKEN);
            }
            throw e;
        }
    }

    @Override
    public Optional<SubAccount> find(SubAccountId id) {
        return rows.findById(id.value()).map(JdbcSubAccountRepository::toDomain);
    }

    @Override
    public List<SubAccount> list(AccountId accountId) {
        return rows.listByAccount(accountId.value()).stream().map(JdbcSubAccountRepository::toDomain).toList();
    }

    @Override
    public boolean update(SubAccount user) {
        SubAccountProfile p = user.profile();
        return rows.updateProfile(user.id().value(), p.name(), p.email().orElse(null), p.memo(), p.canApiGatewayAccess(), p.useApiAllowSource(),
                sources(p.apiAllowSources()), p.canConsoleAccess(), p.mfaMandatory(), p.needPasswordReset(), p.useConsolePermitIp(),
                ranges(p.consolePermitIps()), user.active(), user.modifiedAt().toEpochMilli()) == 1;
    }

    @Override
    public boolean setPassword(SubAccountId id, PasswordHash hash, boolean needPasswordReset, Instant at) {
        return rows.updatePassword(id.value(), hash.encoded(), needPasswordReset, at.toEpochMilli()) == 1;
    }

    @Override
    public Optional<PasswordHash> passwordHash(SubAccountId id) {
        return rows.findPasswordHash(id.value()).map(PasswordHash::new);
    }

    @Override
    public Optional<SubAccount> findByLoginId(AccountId accountId, SubAccountName loginId) {
        return rows.findByLoginId(accountId.value(), loginId.value()).map(JdbcSubAccountRepository::toDomain);
    }

    @Override
    public boolean reserveSignInAttempt(SubAccountId id, Instant now, LockoutPolicy policy) {
        return rows.reserveSignInAttempt(id.value(), policy.maxFailures(), now.toEpochMilli()) == 1;
    }

    @Override
    public Optional<Instant> settleSignInFailure(SubAccountId id, Instant now, LockoutPolicy policy) {
        Instant lockUntil = now.plus(policy.lockDuration());
        return rows.lockSignInAtLimit(id.value(), policy.maxFailures(), lockUntil.toEpochMilli()) == 1 ? Optional.of(lockUntil) : Optional.empty();
    }

    @Override
    public void clearSignInFailures(SubAccountId id) {
        rows.clearSignInFailures(id.value());
    }

    @Override
    public void recordLogin(SubAccountId id, Instant at) {
        rows.recordLogin(id.value(), at.toEpochMilli());
    }

    @Override
    public boolean delete(SubAccountId id) {
        return rows.deleteRow(id.value()) == 1;
    }

    /** One source a line, {@code type source}. */
    private static String sources(List<ApiAllowSource> sources) {
        return sources.stream().map(source -> source.type() + " " + source.source()).collect(Collectors.joining("\n"));
    }

    private static String ranges(List<IpRange> ranges) {
        return ranges.stream().map(IpRange::toString).collect(Collectors.joining("\n"));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    static SubAccount toDomain(SubAccountRow row) {
        List<ApiAllowSource> sources = lines(row.apiAllowSources()).stream()
                .map(line -> ApiAllowSource.of(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1))).toList();
        List<IpRange> ranges = lines(row.consolePermitIps()).stream().map(line -> IpRange.parse("consolePermitIps", line)).toList();
        SubAccountProfile profile = new SubAccountProfile(row.displayName(), Optional.ofNullable(row.email()), row.memo(), row.canApiGatewayAccess(),
                row.useApiAllowSource(), sources, row.canConsoleAccess(), row.mfaMandatory(), row.needPasswordReset(), row.useConsolePermitIp(), ranges);
        return new SubAccount(new SubAccountId(row.id()), new AccountId(row.accountId()), row.subAccountNo(), new SubAccountName(row.name()), profile,
                row.active(), Instant.ofEpochMilli(row.createdMs()), Instant.ofEpochMilli(row.modifiedMs()),
                Optional.ofNullable(row.lastLoginMs()).map(Instant::ofEpochMilli));
    }
}
