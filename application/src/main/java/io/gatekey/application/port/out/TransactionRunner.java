package io.gatekey.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: all of its writes land, or none do when it throws. */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    /**
     * As {@link #inTransaction}, for work whose writes add new rows (a request's nonce, a credential, audit events)
     * or apply only to a row as the work read it (a device's claimed step or counted failure): storage may commit
     * it in one database transaction with other such work running at the same time, sparing each its own
     * statements and commit. The work still commits whole or not at all before this returns, and only then do its
     * {@link #afterCommit} actions run. Should the shared commit fail (a row added before, a row changed since it
     * was read), the work runs again in a transaction of its own; work that does anything else storage cannot
     * defer runs in one from the start.
     */
    default <T> T inSharedTransaction(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Runs read-only work that must see storage as of one moment, while others go on writing: what commits meanwhile is
     * wholly outside what it reads (a chain's newest event and its head, read one after the other, agree).
     */
    default <T> T inSnapshot(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Runs {@code action} once the current transaction has committed, and never if it rolls back (a transaction
     * that lost a conflict and runs again drops what its failed run registered); outside a transaction, at once.
     * For effects outside storage, such as counting.
     */
    void afterCommit(Runnable action);
}
