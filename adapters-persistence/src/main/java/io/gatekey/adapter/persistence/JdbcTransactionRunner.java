package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.StorageUnavailableException;
import io.gatekey.application.port.out.TransactionRunner;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Database transactions: the work commits when it returns and rolls back when it throws. Nested work joins. A
 * shared transaction gathers its rows ({@link SharedWrites}) and has {@link SharedCommits} write them with others'.
 */
@Singleton
@StorageBoundary
class JdbcTransactionRunner implements TransactionRunner {

    private final TransactionOperations<Connection> transactions;
    private final SharedCommits sharedCommits;
    private volatile TransactionDefinition snapshot;

    JdbcTransactionRunner(TransactionOperations<Connection> transactions, SharedCommits sharedCommits) {
        this.transactions = transactions;
        this.sharedCommits = sharedCommits;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    @Override
    public <T> T inSharedTransaction(Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            return work.get();
        }
        SharedWrites writes = new SharedWrites();
        T result;
        try {
            result = writes.gather(work);
        } catch (SharedWrites.NotShareable e) {
            return inTransaction(work);
        }
        if (!writes.isEmpty() && !sharedCommits.commit(writes)) {
            if (writes.lost()) {
                throw new StorageUnavailableException("the database connection was lost while committing", null);
            }
            return inTransaction(work);
        }
        writes.afterCommit.forEach(Runnable::run);
        return result;
    }

    /**
     * A transaction at the isolation that gives one snapshot: on MariaDB its repeatable read (InnoDB's consistent read,
     * where its serializable would lock every row it reads); on H2 serializable, its snapshot (H2's repeatable read lets
     * rows inserted meanwhile appear in a table read later).
     */
    @Override
    public <T> T inSnapshot(Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            return work.get();
        }
        return transactions.execute(snapshot(), status -> work.get());
    }

    private TransactionDefinition snapshot() {
        TransactionDefinition known = snapshot;
        if (known == null) {
            boolean mariaDb = transactions.executeWrite(status -> {
                try {
                    return Statements.isMariaDb(status.getConnection());
                } catch (SQLException e) {
                    throw new StorageUnavailableException("cannot read the database connection's kind", e);
                }
            });
            DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
            definition.setIsolationLevel(mariaDb ? TransactionDefinition.Isolation.REPEATABLE_READ : TransactionDefinition.Isolation.SERIALIZABLE);
            snapshot = known = definition;
        }
        return known;
    }

    @Override
    @Shareable
    public void afterCommit(Runnable action) {
        SharedWrites shared = SharedWrites.gathering();
        if (shared != null) {
            shared.afterCommit.add(action);
            return;
        }
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        }), action);
    }
}
