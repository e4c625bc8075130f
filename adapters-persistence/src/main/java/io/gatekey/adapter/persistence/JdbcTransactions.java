package io.gatekey.adapter.persistence;

import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionSynchronization;
import io.micronaut.data.connection.SynchronousConnectionManager;
import io.micronaut.data.connection.support.JdbcConnectionUtils;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import io.micronaut.transaction.impl.DefaultTransactionStatus;
import io.micronaut.transaction.jdbc.DataSourceTransactionManager;
import io.micronaut.transaction.support.AbstractDefaultTransactionOperations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Transactions on the pool's connections, which stay in autocommit mode between them. On MariaDB Connector/J a
 * transaction begins with {@code START TRANSACTION} and ends with the driver's {@code COMMIT} or {@code ROLLBACK},
 * instead of {@code SET autocommit=0} before it and {@code SET autocommit=1} after it: one round trip where there
 * were two, for every transaction, while a statement outside one still commits on its own. Other drivers (H2, an embedding
 * program's own) switch autocommit off and back through JDBC as usual. Everything else is Micronaut's own: joining,
 * synchronizations, the transaction status callers read, and the rollback after a commit that failed (a no-op when
 * the database already ended the transaction), so no connection goes back to the pool inside one.
 */
@EachBean(DataSource.class)
@Replaces(DataSourceTransactionManager.class)
final class JdbcTransactions extends AbstractDefaultTransactionOperations<Connection> {

    JdbcTransactions(@Parameter ConnectionOperations<Connection> connectionOperations,
                     @Parameter @Nullable SynchronousConnectionManager<Connection> synchronousConnectionManager) {
        super(connectionOperations, synchronousConnectionManager);
    }

    @Override
    protected void doBegin(DefaultTransactionStatus<Connection> status) {
        TransactionDefinition definition = status.getTransactionDefinition();
        Connection connection = status.getConnection();
        List<Runnable> onComplete = new ArrayList<>(3);
        definition.isReadOnly().ifPresent(readOnly -> JdbcConnectionUtils.applyReadOnly(logger, connection, readOnly, onComplete));
        definition.getIsolationLevel()
                .ifPresent(isolation -> JdbcConnectionUtils.applyTransactionIsolation(logger, connection, isolation.getCode(), onComplete));
        if (startsTransactions(connection)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("START TRANSACTION");
            } catch (SQLException e) {
                throw new CannotCreateTransactionException("Could not start a JDBC transaction", e);
            }
        } else {
            JdbcConnectionUtils.applyAutoCommit(logger, connection, false, onComplete);
        }
        if (!onComplete.isEmpty()) {
            Collections.reverse(onComplete);
            status.getConnectionStatus().registerSynchronization(new ConnectionSynchronization() {
                @Override
                public void executionComplete() {
                    onComplete.forEach(Runnable::run);
                }
            });
        }
    }

    /** A MariaDB connection in autocommit mode: the driver's commit and rollback end what START TRANSACTION began. */
    private static boolean startsTransactions(Connection connection) {
        try {
            return Statements.isMariaDb(connection) && connection.getAutoCommit();
        } catch (SQLException e) {
            throw new CannotCreateTransactionException("Could not read the JDBC connection's mode", e);
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus<Connection> status) {
        try {
            status.getConnection().commit();
        } catch (SQLException e) {
            throw new TransactionSystemException("Could not commit JDBC transaction", e);
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus<Connection> status) {
        try {
            status.getConnection().rollback();
        } catch (SQLException e) {
            throw new TransactionSystemException("Could not roll back JDBC transaction", e);
        }
    }

    @Override
    public Connection getConnection() {
        return connectionOperations.getConnectionStatus().getConnection();
    }
}
