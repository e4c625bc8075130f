package io.gatekey.adapter.persistence;

import io.gatekey.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rows of one shared transaction's work, gathered on its thread instead of written: while {@link #gather}
 * runs the work, the storage adapters put here the rows they add ({@link RowInsert#insertOrGather}, and the audit
 * log its events) and the conditional updates that must each change their row ({@link RowUpdate#updateOrGather}), and {@link SharedCommits} writes them later, with other work's, in one database
 * transaction. Any other storage call during the gathering throws {@link NotShareable}, and the work runs again
 * in a transaction of its own.
 */
final class SharedWrites {

    private static final ThreadLocal<SharedWrites> GATHERING = new ThreadLocal<>();

    private static final int PENDING = 0;
    private static final int COMMITTED = 1;
    private static final int FAILED = 2;
    private static final int LOST = 3;

    /** The rows of each insert, in the order the work first used the inserts. */
    final Map<RowInsert, List<Object[]>> rows = new LinkedHashMap<>(4);
    /** The conditional updates, each with its values, in the order the work made them. */
    final List<Map.Entry<RowUpdate, Object[]>> updates = new ArrayList<>(1);
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

    void add(RowUpdate update, Object[] values) {
        updates.add(Map.entry(update, values));
    }

    /** The rows the work's conditional updates change. */
    Set<String> updatedRows() {
        Set<String> updated = new HashSet<>(2);
        updates.forEach(update -> updated.add(update.getKey().rowOf(update.getValue())));
        return updated;
    }

    boolean isEmpty() {
        return rows.isEmpty() && updates.isEmpty() && events.isEmpty();
    }

    boolean pending() {
        return outcome == PENDING;
    }

    boolean committed() {
        return outcome == COMMITTED;
    }

    /** Whether the batch's connection was lost: whether it committed is not known, so the work must not run again. */
    boolean lost() {
        return outcome == LOST;
    }

    /** The batch's connection was lost (before its commit's answer, perhaps after the commit itself). */
    void settleLost() {
        outcome = LOST;
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
