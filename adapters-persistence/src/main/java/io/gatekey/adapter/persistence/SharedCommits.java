package io.gatekey.adapter.persistence;

import io.gatekey.domain.audit.AuditEvent;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * when fewer than {@code gatekey.shared-commits.committers} (2) batches are under way, it takes all that is queued
 * (up to {@link #MOST}) and writes it in one database transaction: the rows of each table in one {@code INSERT}
 * (nonces, credentials), the conditional updates (a device's claimed step or counted failure) of each kind as one
 * JDBC batch, the audit events in one insert, each audit chain's head moved once. No two updates of one row share a
 * batch, nor go in two batches under way ({@link RowsInFlight}); two batches under way append to chains of their
 * own (each holds one of the node's audit writers). When a batch is over, its committer wakes the first thread
 * still queued, which commits the next batch, and the threads whose rows it wrote go on. Rows queued while commits
 * are under way go into the next: the busier the node, the larger the batches (a row costs the database a fraction
 * of what a transaction of its own does), and a quiet node's work commits alone, with no wait. A second committer
 * keeps the database busy while the first waits for its commit's answer. A batch that meets a row taken or changed
 * (a nonce used before, a device changed since its read) is written again without the work at fault; one that
 * fails otherwise (a lost conflict) fails whole, and work left out runs again alone, so one request's fault is only
 * its own. A batch that loses its connection while committing settles its work as lost (answered unavailable,
 * never run again: the commit may have reached the database).
 */
@Singleton
final class SharedCommits {

    /** The most work one batch commits. */
    static final int MOST = 64;
    /** The most transactions one batch takes, its retries without the work at fault included. */
    static final int MOST_WRITES = 16;
    private static final long PARK_BOUND_NANOS = 100_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(SharedCommits.class);

    private final TransactionOperations<Connection> transactions;
    private final JdbcAuditLog auditLog;
    private final ConcurrentLinkedQueue<SharedWrites> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore committers;
    private final RowsInFlight inFlight = new RowsInFlight();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong sentBack = new AtomicLong();

    SharedCommits(TransactionOperations<Connection> transactions, JdbcAuditLog auditLog,
                  @Value("${gatekey.shared-commits.committers:2}") int committers) {
        if (committers < 1 || committers > 8) {
            throw new IllegalArgumentException("gatekey.shared-commits.committers must be 1-8, not " + committers);
        }
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.committers = new Semaphore(committers);
    }

    /** Commits the rows with whatever else is queued; true once they are committed, false if their batch failed. */
    boolean commit(SharedWrites writes) {
        waiting.incrementAndGet();
        queue.add(writes);
        boolean interrupted = false;
        while (writes.pending()) {
            boolean took = false;
            if (committers.tryAcquire()) {
                try {
                    took = commitQueued();
                } finally {
                    committers.release();
                    wakeNext();
                }
            }
            if (!took && writes.pending()) {
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

    /** Batches written so far (each transaction, a retry without the work at fault too), committed or not. */
    long batches() {
        return batches.get();
    }

    /** Work handed back to run alone so far, its batch having failed at it or with it. */
    long sentBack() {
        return sentBack.get();
    }

    /** Wakes the thread of the first work queued, unless that is this thread or its work must wait for a batch under way. */
    private void wakeNext() {
        SharedWrites next = queue.peek();
        if (next != null && next.owner != Thread.currentThread() && !inFlight.blocked(next)) {
            LockSupport.unpark(next.owner);
        }
    }

    /** Commits a batch of what is queued; false if there was nothing that could go now. */
    private boolean commitQueued() {
        List<SharedWrites> batch = inFlight.take(queue, MOST);
        if (batch.isEmpty()) {
            return false;
        }
        try {
            writeAndSettle(batch, MOST_WRITES);
        } finally {
            // Settled whatever happened, even an Error: no thread is left waiting for a batch that is over.
            for (SharedWrites writes : batch) {
                if (writes.pending()) {
                    sentBack.incrementAndGet();
                    settle(writes, false);
                }
            }
            inFlight.release(batch);
        }
        return true;
    }

    /**
     * Writes the work in one transaction and settles what it committed; how many more writes the batch may take. A
     * row taken or changed is one work's fault, not the batch's: the work whose conditional update missed, or whose
     * key an insert found taken (looked up after the insert came out short), is left out and the rest written
     * again; where none can be named (a key taken by a transaction not committed when looked for), each half is
     * written on its own, down to the work at fault. Work left unsettled (at fault, past the writes allowed, or in
     * a batch that failed otherwise) runs again alone.
     */
    private int writeAndSettle(List<SharedWrites> work, int writesLeft) {
        if (work.isEmpty() || writesLeft == 0) {
            return writesLeft;
        }
        batches.incrementAndGet();
        boolean[] committing = {false};
        try {
            write(work, committing);
            work.forEach(writes -> settle(writes, true));
            return writesLeft - 1;
        } catch (RowTaken taken) {
            Set<SharedWrites> atFault = taken.atFault != null ? taken.atFault : holdersOfTakenKeys(work, taken.insert);
            if (!atFault.isEmpty()) {
                return writeAndSettle(work.stream().filter(writes -> !atFault.contains(writes)).toList(), writesLeft - 1);
            }
            if (work.size() == 1) {
                return writesLeft - 1;
            }
            // Taken by work not committed when looked for (another node's): halves, down to the work at fault.
            int half = work.size() / 2;
            return writeAndSettle(work.subList(half, work.size()), writeAndSettle(work.subList(0, half), writesLeft - 1));
        } catch (RuntimeException e) {
            if (committing[0] && SqlErrors.isConnectionFailure(e)) {
                // The commit may have reached the database before the connection went: running the work again could
                // find its own rows (a committed issuance answered as a replay). Each is answered as unavailable, as
                // a transaction of its own would be. (A failure before the commit rolled everything back.)
                LOG.debug("A shared commit of {} lost its connection; its outcome is unknown", work.size(), e);
                work.forEach(writes -> {
                    writes.settleLost();
                    released(writes);
                });
                return 0;
            }
            LOG.debug("A shared commit of {} failed; each runs again alone", work.size(), e);
            return writesLeft - 1;
        }
    }

    /** The work whose rows of {@code insert} have a key the table holds already, or another work's in the list. */
    private Set<SharedWrites> holdersOfTakenKeys(List<SharedWrites> work, RowInsert insert) {
        Map<List<Object>, SharedWrites> holders = new HashMap<>();
        Set<SharedWrites> atFault = new HashSet<>();
        if (!insert.keyed()) {
            return atFault;
        }
        for (SharedWrites writes : work) {
            for (Object[] row : writes.rows.getOrDefault(insert, List.of())) {
                if (holders.putIfAbsent(insert.keyOf(row), writes) != null) {
                    atFault.add(writes);
                }
            }
        }
        try {
            transactions.executeRead(status -> insert.taken(status.getConnection(), holders.keySet())).forEach(key -> atFault.add(holders.get(key)));
        } catch (RuntimeException e) {
            LOG.debug("Could not look for the taken keys of a shared commit", e);
        }
        return atFault;
    }

    private void settle(SharedWrites writes, boolean committed) {
        writes.settle(committed);
        released(writes);
    }

    /** The work is settled: its thread goes on. */
    private void released(SharedWrites writes) {
        waiting.decrementAndGet();
        LockSupport.unpark(writes.owner);
    }

    /** Writes the batch in one transaction; {@code committing} is set once all is written and the commit is asked for. */
    private void write(List<SharedWrites> batch, boolean[] committing) {
        Map<RowInsert, List<Object[]>> rows = new LinkedHashMap<>(4);
        // Each update's values with the work they are for, in the order they go.
        Map<RowUpdate, List<Map.Entry<SharedWrites, Object[]>>> updates = new LinkedHashMap<>(4);
        List<AuditEvent> events = new ArrayList<>(batch.size());
        for (SharedWrites writes : batch) {
            writes.rows.forEach((insert, its) -> rows.computeIfAbsent(insert, any -> new ArrayList<>(batch.size())).addAll(its));
            writes.updates.forEach(update -> updates.computeIfAbsent(update.getKey(), any -> new ArrayList<>()).add(Map.entry(writes, update.getValue())));
            events.addAll(writes.events);
        }
        // Keyed rows in key order: two batches under way that meet on keys (replayed nonces) lock them in one order,
        // so one waits for the other rather than each for the other.
        rows.forEach((insert, its) -> {
            if (insert.keyed()) {
                its.sort(Comparator.comparing(row -> insert.keyOf(row).toString()));
            }
        });
        transactions.executeWrite(status -> {
            for (Map.Entry<RowInsert, List<Object[]>> insert : rows.entrySet()) {
                // Each work counted its rows as inserted. One that was not (an INSERT IGNORE's nonce used
                // before: a replay, or one remembered past its time) is left to that work's own run.
                if (insert.getKey().run(status.getConnection(), insert.getValue()) != insert.getValue().size()) {
                    throw new RowTaken(insert.getKey());
                }
            }
            // Each work counted its updates as applied: one that finds its row changed since it was read is left
            // to that work's own run, which reads it again. The updates of one kind go as one batch.
            Set<SharedWrites> missed = new HashSet<>();
            for (Map.Entry<RowUpdate, List<Map.Entry<SharedWrites, Object[]>>> update : updates.entrySet()) {
                List<Map.Entry<SharedWrites, Object[]>> each = update.getValue();
                boolean[] applied = update.getKey().runEach(status.getConnection(), each.stream().map(Map.Entry::getValue).toList());
                for (int i = 0; i < applied.length; i++) {
                    if (!applied[i]) {
                        missed.add(each.get(i).getKey());
                    }
                }
            }
            if (!missed.isEmpty()) {
                throw new RowTaken(missed);
            }
            if (!events.isEmpty()) {
                auditLog.append(events);
            }
            committing[0] = true;
            return null;
        });
    }

    /** A row of the batch had changed (the work at fault known), or an insert found keys taken (whose, to be found). */
    private static final class RowTaken extends RuntimeException {

        final Set<SharedWrites> atFault;
        final RowInsert insert;

        private RowTaken(Set<SharedWrites> atFault, RowInsert insert) {
            super("a row of the batch was there before, or had changed", null, false, false);
            this.atFault = atFault;
            this.insert = insert;
        }

        /** Updates that missed their rows, by the work they were for. */
        RowTaken(Set<SharedWrites> atFault) {
            this(atFault, null);
        }

        /** An insert short of its rows: the work holding the taken keys is to be looked up. */
        RowTaken(RowInsert insert) {
            this(null, insert);
        }
    }
}
