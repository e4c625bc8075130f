package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.shared.ConflictException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Accounts in the database; the login alias is unique by index. */
@Singleton
@StorageBoundary
class JdbcAccountRepository implements AccountRepository {

    private final AccountRows rows;

    private final TransactionOperations<Connection> transactions;

    JdbcAccountRepository(AccountRows rows, TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    @Override
    public void add(Account account) {
        rows.save(new AccountRow(account.id().value(), account.name().value(),
                account.loginAlias().map(LoginAlias::value).orElse(null), account.createdAt().toEpochMilli()));
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return rows.findById(id.value()).map(JdbcAccountRepository::toDomain);
    }

    @Override
    public Optional<Account> findByLoginAlias(LoginAlias alias) {
        return rows.findIdByLoginAlias(alias.value()).flatMap(rows::findById).map(JdbcAccountRepository::toDomain);
    }

    @Override
    public List<Account> list() {
        return rows.listAll().stream().map(JdbcAccountRepository::toDomain).toList();
    }

    @Override
    public boolean setLoginAlias(AccountId id, LoginAlias alias) {
        Optional<String> holder = rows.findIdByLoginAlias(alias.value());
        if (holder.isPresent()) {
            return holder.get().equals(id.value());
        }
        try {
            return rows.updateLoginAlias(id.value(), alias.value()) == 1;
        } catch (RuntimeException e) {
            // Another account took the alias between the check and the update; the unique index decided.
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException(ConflictException.Conflict.LOGIN_ALIAS_TAKEN);
            }
            throw e;
        }
    }

    /** The conditional update and the read of the number it gave, in one transaction (the caller's, when it has one). */
    @Override
    public OptionalLong takeSubAccountPlace(AccountId id, int limit) {
        return transactions.executeWrite(status -> rows.takeSubAccountPlace(id.value(), limit) == 1
                ? OptionalLong.of(rows.lastSubAccountNo(id.value())) : OptionalLong.empty());
    }

    @Override
    public void releaseSubAccountPlace(AccountId id) {
        rows.releaseSubAccountPlace(id.value());
    }

    private static Account toDomain(AccountRow row) {
        return new Account(new AccountId(row.id()), new AccountName(row.name()),
                Optional.ofNullable(row.loginAlias()).map(LoginAlias::new), Instant.ofEpochMilli(row.createdMs()));
    }
}
