package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditChainRows extends GenericRepository<AuditChainRow, String> {

    /** The head, locked until the transaction ends: appends to one chain take their places one after another. */
    @Query("SELECT * FROM audit_chain WHERE chain_key = :chainKey FOR UPDATE")
    Optional<AuditChainRow> lockHead(String chainKey);

    /** The heads of several chains, locked as {@link #lockHead} locks one. */
    @Query("SELECT * FROM audit_chain WHERE chain_key IN (:chainKeys) FOR UPDATE")
    List<AuditChainRow> lockHeads(Collection<String> chainKeys);

    @Query("SELECT * FROM audit_chain ORDER BY chain_key")
    List<AuditChainRow> heads();
}
