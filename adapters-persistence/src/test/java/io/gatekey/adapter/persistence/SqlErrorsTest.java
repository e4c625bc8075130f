package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.transaction.exceptions.TransactionSystemException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void aConnectionLostIsKnownEvenWhenOnlyTheRefusedRollbackIsReported() {
        assertTrue(SqlErrors.isConnectionFailure(new RuntimeException(new SQLNonTransientConnectionException("socket error", "08000"))));
        // What the transaction manager reports when the connection went mid-transaction (seen with a killed connection).
        assertTrue(SqlErrors.isConnectionFailure(new TransactionSystemException("Could not roll back JDBC transaction", new SQLException("Connection is closed"))));
        assertFalse(SqlErrors.isConnectionFailure(new RuntimeException(new SQLException("Duplicate entry", "23000", 1062))));
        assertFalse(SqlErrors.isConnectionFailure(new RuntimeException(new SQLException("Connection is closed", "HY000"))));
    }

    @Test
    void aLockWaitTimeoutIsABusyDatabaseAndNeitherALostConnectionNorAConflict() {
        SQLException timeout = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        assertTrue(SqlErrors.isBusy(new RuntimeException(timeout)));
        assertTrue(SqlErrors.isBusy(new RuntimeException(new SQLException("Timeout trying to lock table", "HYT00", 50200))));
        assertFalse(SqlErrors.isConnectionFailure(timeout));
        assertFalse(SqlErrors.isWriteConflict(timeout));
        assertFalse(SqlErrors.isBusy(new SQLException("Deadlock found when trying to get lock", "40001", 1213)));
    }
}
