package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.TransactionRunner;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/** Database transactions: the work commits when it returns and rolls back when it throws. Nested work joins. */
@Singleton
@StorageBoundary
class JdbcTransactionRunner implements TransactionRunner {

    private final TransactionOperations<Connection> transactions;

    JdbcTransactionRunner(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    @Override
    public void afterCommit(Runnable action) {
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        }), action);
    }
}
