package io.gatekey.application.embedded;

import io.gatekey.application.port.out.TransactionRunner;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs in-memory transactions one at a time, so each sees and leaves a consistent state. Memory has no undo:
 * the services check every rule before their first write, so work that throws has written nothing.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
