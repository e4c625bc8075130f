package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditChainRows extends GenericRepository<AuditChainRow, String> {

    /** The head, locked until the transaction ends: appends to one chain take their places one after another. */
    @Query("SELECT * FROM audit_chain WHERE chain_key = :chainKey FOR UPDATE")
    Optional<AuditChainRow> lockHead(String chainKey);

    @Query("INSERT INTO audit_chain (chain_key, last_seq, last_hash) VALUES (:chainKey, :lastSeq, :lastHash)")
    void insertHead(String chainKey, long lastSeq, String lastHash);

    /** Moves the head on from where the appender found it; none when it had moved meanwhile. */
    @Query("UPDATE audit_chain SET last_seq = :lastSeq, last_hash = :lastHash WHERE chain_key = :chainKey AND last_seq = :foundSeq")
    int moveHead(String chainKey, long foundSeq, long lastSeq, String lastHash);

    @Query("SELECT * FROM audit_chain ORDER BY chain_key")
    List<AuditChainRow> heads();
}
