package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountRows extends GenericRepository<AccountRow, String> {

    AccountRow save(AccountRow row);

    Optional<AccountRow> findById(String id);

    @Query("SELECT * FROM account ORDER BY created_ms, id")
    List<AccountRow> listAll();

    @Query("SELECT id FROM account WHERE login_alias = :alias")
    Optional<String> findIdByLoginAlias(String alias);

    @Query("UPDATE account SET login_alias = :alias WHERE id = :id")
    int updateLoginAlias(String id, String alias);

    /** Takes a place for a sub account unless the account holds {@code limit}; the place's number is last_sub_account_no. */
    @Query("UPDATE account SET sub_account_count = sub_account_count + 1, last_sub_account_no = last_sub_account_no + 1 "
            + "WHERE id = :id AND sub_account_count < :limit")
    int takeSubAccountPlace(String id, int limit);

    @Query("SELECT last_sub_account_no FROM account WHERE id = :id")
    long lastSubAccountNo(String id);

    @Query("UPDATE account SET sub_account_count = sub_account_count - 1 WHERE id = :id AND sub_account_count > 0")
    int releaseSubAccountPlace(String id);
}
