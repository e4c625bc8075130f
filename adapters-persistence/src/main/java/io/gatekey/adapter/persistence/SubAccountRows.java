package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubAccountRows extends GenericRepository<SubAccountRow, String> {

    SubAccountRow save(SubAccountRow row);

    Optional<SubAccountRow> findById(String id);

    @Query("SELECT COUNT(*) FROM sub_account WHERE account_id = :accountId AND name = :name")
    long countByName(String accountId, String name);

    @Query("SELECT * FROM sub_account WHERE account_id = :accountId ORDER BY created_ms, id")
    List<SubAccountRow> listByAccount(String accountId);

    @Query("UPDATE sub_account SET active = :active WHERE id = :id")
    int updateActive(String id, boolean active);

    @Query("DELETE FROM sub_account WHERE id = :id")
    int deleteRow(String id);
}
