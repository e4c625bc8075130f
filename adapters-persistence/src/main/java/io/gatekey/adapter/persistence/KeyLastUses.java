package io.gatekey.adapter.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-term keys' last-used times, written behind: a signed request's use is kept in memory and written with the
 * others of the past second in one transaction, one statement per {@value #MOST} keys (and at close), so signing
 * costs no write of its own. Reads on this node see a use at once; other nodes within a second. A time only ever
 * moves forward, whichever node writes last. A crash loses at most the last second's uses, which are kept to the
 * minute anyway.
 */
@Singleton
class KeyLastUses {

    static final int MOST = 500;
    private static final Logger LOG = LoggerFactory.getLogger(KeyLastUses.class);

    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final JdbcTransactionRunner transactions;
    private final ConnectionOperations<Connection> connections;

    KeyLastUses(JdbcTransactionRunner transactions, ConnectionOperations<Connection> connections) {
        this.transactions = transactions;
        this.connections = connections;
    }

    void record(String keyId, long usedMs) {
        pending.merge(keyId, usedMs, Math::max);
    }

    /** A use of the key not yet written. */
    Optional<Long> unwritten(String keyId) {
        return Optional.ofNullable(pending.get(keyId));
    }

    @Scheduled(fixedDelay = "${gatekey.key-last-used.flush-interval:1s}", initialDelay = "${gatekey.key-last-used.flush-interval:1s}")
    @PreDestroy
    void flush() {
        List<Map.Entry<String, Long>> due = List.copyOf(pending.entrySet());
        if (due.isEmpty()) {
            return;
        }
        try {
            transactions.inTransaction(() -> {
                for (int from = 0; from < due.size(); from += MOST) {
                    List<Map.Entry<String, Long>> part = due.subList(from, Math.min(due.size(), from + MOST));
                    connections.executeWrite(status -> write(status.getConnection(), part));
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Last-used times of {} keys not written yet: {}", due.size(), e.getMessage());
            return;
        }
        // A use recorded while writing stays for the next flush.
        due.forEach(entry -> pending.remove(entry.getKey(), entry.getValue()));
    }

    private static int write(Connection connection, List<Map.Entry<String, Long>> uses) {
        List<Object> parameters = new ArrayList<>();
        String used = Statements.caseOf("id", uses, parameters);
        uses.forEach(use -> parameters.add(use.getKey()));
        String sql = "UPDATE access_key SET last_used_ms = GREATEST(COALESCE(last_used_ms, 0), " + used + ") WHERE id IN ("
                + "?, ".repeat(uses.size() - 1) + "?)";
        return Statements.update(connection, sql, parameters);
    }
}
