package io.gatekey.adapter.persistence;

import io.gatekey.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rows of one shared transaction's work, gathered on its thread instead of written: while {@link #gather}
 * runs the work, the storage adapters that only add rows put them here ({@link RowInsert#insertOrGather}, and the
 * audit log its events), and {@link SharedCommits} writes them later, with other work's, in one database
 * transaction. Any other storage call during the gathering throws {@link NotShareable}, and the work runs again
 * in a transaction of its own.
 */
final class SharedWrites {

    private static final ThreadLocal<SharedWrites> GATHERING = new ThreadLocal<>();

    private static final int PENDING = 0;
    private static final int COMMITTED = 1;
    private static final int FAILED = 2;

    /** The rows of each insert, in the order the work first used the inserts. */
    final Map<RowInsert, List<Object[]>> rows = new LinkedHashMap<>(4);
    final List<AuditEvent> events = new ArrayList<>(1);
    final List<Runnable> afterCommit = new ArrayList<>(1);
    final Thread owner = Thread.currentThread();
    private volatile int outcome = PENDING;

    /** The rows the current thread is gathering, or null when it writes as usual. */
    static SharedWrites gathering() {
        return GATHERING.get();
    }

    /** Runs the work with its rows gathered here. */
    <T> T gather(Supplier<T> work) {
        GATHERING.set(this);
        try {
            return work.get();
        } finally {
            GATHERING.remove();
        }
    }

    void add(RowInsert insert, Object[] row) {
        rows.computeIfAbsent(insert, any -> new ArrayList<>(1)).add(row);
    }

    boolean isEmpty() {
        return rows.isEmpty() && events.isEmpty();
    }

    boolean pending() {
        return outcome == PENDING;
    }

    boolean committed() {
        return outcome == COMMITTED;
    }

    void settle(boolean committed) {
        outcome = committed ? COMMITTED : FAILED;
    }

    /** A storage call during the gathering that cannot be deferred: the work runs in a transaction of its own. */
    static final class NotShareable extends RuntimeException {

        NotShareable(String call) {
            super(call + " cannot be deferred to a shared commit", null, false, false);
        }
    }
}
