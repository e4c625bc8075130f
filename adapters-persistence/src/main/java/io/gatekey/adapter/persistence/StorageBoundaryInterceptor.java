package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.StorageUnavailableException;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage adapters' boundary. Connection failures, however deeply wrapped, become the one error type the
 * doors answer with 503, and so does a database that gave up waiting (a lock wait timeout). A write that lost to a
 * concurrent one (a deadlock, or on Galera another node's commit winning certification) is run again from its start
 * when the call opened no transaction of its own caller's:
 * the database rolled all of it back, and the run again reads what the winner wrote, so a lost race ends in the
 * answer that race deserves (a replayed code, a taken alias) rather than an error. Inside a caller's
 * transaction the conflict goes up to where that transaction began, which runs it again whole. While a shared
 * transaction gathers its rows, only the {@link Shareable} methods may be called; any other call ends the
 * gathering, and the work runs in a transaction of its own.
 */
@Singleton
final class StorageBoundaryInterceptor implements MethodInterceptor<Object, Object> {

    /** Runs of one call before the conflict is reported as a busy database (503). */
    static final int MAX_RUNS = 12;
    private static final Logger LOG = LoggerFactory.getLogger(StorageBoundaryInterceptor.class);

    private final TransactionOperations<Connection> transactions;

    StorageBoundaryInterceptor(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (SharedWrites.gathering() != null && !context.hasDeclaredAnnotation(Shareable.class)) {
            throw new SharedWrites.NotShareable(context.getExecutableMethod().toString());
        }
        for (int run = 1; ; run++) {
            try {
                return context.proceed(this);
            } catch (StorageUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                if (SqlErrors.isConnectionFailure(e)) {
                    throw new StorageUnavailableException("the database is unavailable", e);
                }
                // Not run again: the wait already took the database's whole bound (seconds), and the request's time.
                if (SqlErrors.isBusy(e)) {
                    throw new StorageUnavailableException("the database is busy", e);
                }
                // A transaction still open here is a caller's, which reruns whole; one this call opened has ended.
                if (!SqlErrors.isWriteConflict(e) || transactions.findTransactionStatus().isPresent()) {
                    throw e;
                }
                if (run == MAX_RUNS) {
                    throw new StorageUnavailableException("the database kept refusing a write that conflicts with others", e);
                }
                LOG.debug("{} lost a write conflict (run {}), running it again", context.getExecutableMethod(), run);
                backOff(run);
            }
        }
    }

    /** Up to 2^run ms (at most 200 ms), at random, so the racers that lost do not meet again in step. */
    private static void backOff(int run) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(200, 1L << run) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting to run a conflicting write again", e);
        }
    }
}
