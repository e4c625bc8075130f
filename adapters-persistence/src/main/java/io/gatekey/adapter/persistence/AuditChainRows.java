package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditChainRows extends GenericRepository<AuditChainRow, String> {

    /** The heads, locked until the transaction ends: appends to one chain take their places one after another. */
    @Query("SELECT * FROM audit_chain WHERE chain_key IN (:chainKeys) FOR UPDATE")
    List<AuditChainRow> lockHeads(Collection<String> chainKeys);

    /** The heads as this transaction sees them, unlocked. */
    @Query("SELECT * FROM audit_chain WHERE chain_key IN (:chainKeys)")
    List<AuditChainRow> readHeads(Collection<String> chainKeys);

    @Query("SELECT * FROM audit_chain ORDER BY chain_key")
    List<AuditChainRow> heads();
}
