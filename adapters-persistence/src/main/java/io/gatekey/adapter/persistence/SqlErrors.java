package io.gatekey.adapter.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/** Classifies the SQL failures that adapters treat specially, looking through every wrapper. */
final class SqlErrors {

    /** ER_LOCK_DEADLOCK, which Galera also answers for a certification failure. */
    private static final int MARIADB_DEADLOCK = 1213;
    /** ER_LOCK_WAIT_TIMEOUT; Galera answers it too when a node could not catch up within wsrep_sync_wait's bound. */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    /** H2's lock timeout. */
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final String CLOSED = "Connection is closed";

    private SqlErrors() {
    }

    static boolean isConnectionFailure(Throwable error) {
        return anyCause(error, t -> {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            // SQLState class 08 is "connection exception" in the SQL standard. A rollback after a lost connection is
            // refused by the driver with no SQLState: the transaction manager then reports that refusal, and the
            // failure that led to it is lost.
            return t instanceof SQLException sql && (sql.getSQLState() != null ? sql.getSQLState().startsWith("08") : CLOSED.equals(sql.getMessage()));
        });
    }

    /**
     * Whether the database refused a write because a concurrent one won: a deadlock on one server, or on Galera a
     * transaction that lost certification to another node's (both MariaDB error 1213, SQLState 40001), or H2's
     * deadlock (40001). The refused transaction was rolled back whole, so it can be run again from its start.
     */
    static boolean isWriteConflict(Throwable error) {
        return anyCause(error, t -> t instanceof LostRace
                || t instanceof SQLException sql && (sql.getErrorCode() == MARIADB_DEADLOCK || "40001".equals(sql.getSQLState())));
    }

    /**
     * Whether the database gave up waiting: for a row another transaction held too long, or (on Galera) for the
     * node to apply what the cluster had committed before a read. Nothing was written; the database is busy.
     */
    static boolean isBusy(Throwable error) {
        return anyCause(error, t -> t instanceof SQLException sql
                && (sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT || sql.getErrorCode() == H2_LOCK_TIMEOUT));
    }

    /** 23000/23505: integrity constraint violation (MariaDB reports duplicates as 23000, H2 as 23505). */
    static boolean isUniqueViolation(Throwable error) {
        return anyCause(error, t -> t instanceof SQLIntegrityConstraintViolationException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"));
    }

    /** Whether the error or any error under it passes the test. */
    private static boolean anyCause(Throwable error, Predicate<Throwable> test) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A write an adapter found had lost to a concurrent one in a way the database reports otherwise (a duplicate key
     * that only a concurrent first write can cause): a write conflict, run again like one.
     */
    static final class LostRace extends RuntimeException {
        LostRace(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
