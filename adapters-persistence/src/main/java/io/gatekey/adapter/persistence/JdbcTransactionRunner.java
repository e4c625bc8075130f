package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.StorageUnavailableException;
import io.gatekey.application.port.out.TransactionRunner;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
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
