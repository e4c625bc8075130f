package io.gatekey.adapter.persistence;

import io.gatekey.domain.audit.AuditEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the gathered rows of concurrent shared transactions together (a group commit). A thread queues its rows;
 * when no other thread is committing, it takes all that is queued (up to {@link #MOST}) and writes it in one
 * database transaction: the rows of each table in one {@code INSERT} (nonces, credentials), each conditional
 * update (a device's claimed step or counted failure) on its own, the audit events in one insert, each audit
 * chain's head moved once; no two updates of one row share a batch. Then it wakes the first thread still queued, which commits the next batch, and
 * the threads whose rows it wrote go on. Rows queued while a commit is under way go into the next: the busier the
 * node, the larger the batches (a row costs the database a fraction of what a transaction of its own does), and a
 * quiet node's work commits alone, with no wait. A batch fails whole (a nonce used before, a lost conflict, a
 * lost connection); its threads then run their work again alone, so one request's fault is only its own.
 */
@Singleton
final class SharedCommits {

    /** The most work one batch commits. */
    static final int MOST = 64;
    private static final long PARK_BOUND_NANOS = 100_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(SharedCommits.class);

    private final TransactionOperations<Connection> transactions;
    private final JdbcAuditLog auditLog;
    private final ConcurrentLinkedQueue<SharedWrites> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore committer = new Semaphore(1);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong batches = new AtomicLong();

    SharedCommits(TransactionOperations<Connection> transactions, JdbcAuditLog auditLog) {
        this.transactions = transactions;
        this.auditLog = auditLog;
    }

    /** Commits the rows with whatever else is queued; true once they are committed, false if their batch failed. */
    boolean commit(SharedWrites writes) {
        waiting.incrementAndGet();
        queue.add(writes);
        boolean interrupted = false;
        while (writes.pending()) {
            if (committer.tryAcquire()) {
                try {
                    commitQueued();
                } finally {
                    committer.release();
                    SharedWrites next = queue.peek();
                    if (next != null) {
                        LockSupport.unpark(next.owner);
                    }
                }
            } else {
                // Woken by the committer that settles these rows or hands over to this thread; the bound is a guard only.
                LockSupport.parkNanos(this, PARK_BOUND_NANOS);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return writes.committed();
    }

    /** Work handed to {@link #commit} and not yet settled: queued, or in the batch under way. */
    int waiting() {
        return waiting.get();
    }

    /** Batches written so far, committed or not. */
    long batches() {
        return batches.get();
    }

    private void commitQueued() {
        List<SharedWrites> batch = new ArrayList<>();
        List<SharedWrites> later = new ArrayList<>();
        Set<String> updated = new HashSet<>();
        for (SharedWrites next; batch.size() < MOST && (next = queue.poll()) != null; ) {
            // Work that updates a row another in the batch updates (two codes for one device) waits for the next
            // batch: its update would miss and fail the batch for everyone in it.
            Set<String> rows = next.updatedRows();
            if (rows.stream().anyMatch(updated::contains)) {
                later.add(next);
            } else {
                updated.addAll(rows);
                batch.add(next);
            }
        }
        queue.addAll(later);
        if (batch.isEmpty()) {
            return;
        }
        batches.incrementAndGet();
        boolean committed = false;
        try {
            committed = write(batch);
        } finally {
            // Settled whatever happened, even an Error: no thread is left waiting for a batch that is over.
            for (SharedWrites writes : batch) {
                writes.settle(committed);
                waiting.decrementAndGet();
                LockSupport.unpark(writes.owner);
            }
        }
    }

    private boolean write(List<SharedWrites> batch) {
        Map<RowInsert, List<Object[]>> rows = new LinkedHashMap<>(4);
        Map<RowUpdate, List<Object[]>> updates = new LinkedHashMap<>(4);
        List<AuditEvent> events = new ArrayList<>(batch.size());
        for (SharedWrites writes : batch) {
            writes.rows.forEach((insert, its) -> rows.computeIfAbsent(insert, any -> new ArrayList<>(batch.size())).addAll(its));
            writes.updates.forEach(update -> updates.computeIfAbsent(update.getKey(), any -> new ArrayList<>()).add(update.getValue()));
            events.addAll(writes.events);
        }
        try {
            transactions.executeWrite(status -> {
                for (Map.Entry<RowInsert, List<Object[]>> insert : rows.entrySet()) {
                    // Each work counted its rows as inserted. One that was not (an INSERT IGNORE's nonce used
                    // before: a replay, or one remembered past its time) is left to that work's own run.
                    if (insert.getKey().run(status.getConnection(), insert.getValue()) != insert.getValue().size()) {
                        throw new RowTaken();
                    }
                }
                // Each work counted its updates as applied: one that finds its row changed since it was read is
                // left to that work's own run, which reads it again. The updates of one kind go as one batch.
                for (Map.Entry<RowUpdate, List<Object[]>> update : updates.entrySet()) {
                    if (!update.getKey().runEach(status.getConnection(), update.getValue())) {
                        throw new RowTaken();
                    }
                }
                if (!events.isEmpty()) {
                    auditLog.append(events);
                }
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            LOG.debug("A shared commit of {} failed; each runs again alone", batch.size(), e);
            return false;
        }
    }

    private static final class RowTaken extends RuntimeException {

        RowTaken() {
            super("a row of the batch was there before, or had changed", null, false, false);
        }
    }
}
