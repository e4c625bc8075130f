package io.gatekey.adapter.persistence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

/**
 * The rows that shared commits under way update. A batch takes only work whose conditional updates touch no row
 * another batch under way updates, nor one another work of its own does: two such updates would judge one state
 * twice (the second is bound to miss), and two batches locking rows in opposite orders would deadlock.
 */
final class RowsInFlight {

    private final Set<String> rows = new HashSet<>();

    /**
     * Takes up to {@code most} works from the queue for a batch, marking their rows as in flight; work that updates a
     * row in flight, or one the batch already updates, goes back to the queue's tail, in its order.
     */
    synchronized List<SharedWrites> take(Queue<SharedWrites> queue, int most) {
        List<SharedWrites> batch = new ArrayList<>();
        List<SharedWrites> later = new ArrayList<>();
        for (SharedWrites next; batch.size() < most && (next = queue.poll()) != null; ) {
            Set<String> updated = next.updatedRows();
            if (updated.stream().anyMatch(rows::contains)) {
                later.add(next);
            } else {
                rows.addAll(updated);
                batch.add(next);
            }
        }
        queue.addAll(later);
        return batch;
    }

    /** Whether the work updates a row a batch under way updates: it cannot go before that batch is over. */
    synchronized boolean blocked(SharedWrites writes) {
        return writes.updatedRows().stream().anyMatch(rows::contains);
    }

    /** The batch is over: its rows are free for the next. */
    synchronized void release(List<SharedWrites> batch) {
        batch.forEach(writes -> rows.removeAll(writes.updatedRows()));
    }
}
