package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.shared.ConflictException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        try {
            rows.save(new SubAccountRow(user.id().value(), user.accountId().value(), user.name().value(), user.active(),
                    user.createdAt().toEpochMilli()));
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
    public boolean setActive(SubAccountId id, boolean active) {
        return rows.updateActive(id.value(), active) == 1;
    }

    @Override
    public boolean delete(SubAccountId id) {
        return rows.deleteRow(id.value()) == 1;
    }

    private static SubAccount toDomain(SubAccountRow row) {
        return new SubAccount(new SubAccountId(row.id()), new AccountId(row.accountId()), new SubAccountName(row.name()),
                row.active(), Instant.ofEpochMilli(row.createdMs()));
    }
}
