package io.gatekey.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: all of its writes land, or none do when it throws. */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the current transaction has committed, and never if it rolls back (a transaction
     * that lost a conflict and runs again drops what its failed run registered); outside a transaction, at once.
     * For effects outside storage, such as counting.
     */
    void afterCommit(Runnable action);
}
