package io.gatekey.application.embedded;

import io.gatekey.application.port.out.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs in-memory transactions one at a time, so each sees and leaves a consistent state. Memory has no undo:
 * the services check every rule before their first write, so work that throws has written nothing.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<List<Runnable>> committed = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (committed.get() != null) {
            return work.get();
        }
        List<Runnable> actions = new ArrayList<>();
        lock.lock();
        committed.set(actions);
        T result;
        try {
            result = work.get();
        } finally {
            committed.remove();
            lock.unlock();
        }
        actions.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> actions = committed.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }
}
