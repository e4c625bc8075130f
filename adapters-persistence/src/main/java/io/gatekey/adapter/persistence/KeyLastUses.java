package io.gatekey.adapter.persistence;

import io.gatekey.domain.accesskey.KeyUse;
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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-term keys' last uses (when, and the service and region signed for), written behind: a signed request's use is
 * kept in memory and written with the others of the past second in one transaction, one statement per {@value #MOST}
 * keys (and at close), so signing costs no write of its own. Reads on this node see a use at once; other nodes within
 * a second. A use only ever moves forward in time, whichever node writes last. A crash loses at most the last
 * second's uses, which are kept to the minute anyway.
 */
@Singleton
class KeyLastUses {

    static final int MOST = 500;
    /** The columns of a use's place, in the order they are set, each with its part of the use. */
    private static final List<Map.Entry<String, Function<KeyUse, Optional<String>>>> PLACE = List.of(
            Map.entry("last_used_service", use -> use.where().map(KeyUse.Where::service)),
            Map.entry("last_used_region", use -> use.where().flatMap(KeyUse.Where::region)));
    private static final Logger LOG = LoggerFactory.getLogger(KeyLastUses.class);

    private final Map<String, KeyUse> pending = new ConcurrentHashMap<>();
    private final JdbcTransactionRunner transactions;
    private final ConnectionOperations<Connection> connections;

    KeyLastUses(JdbcTransactionRunner transactions, ConnectionOperations<Connection> connections) {
        this.transactions = transactions;
        this.connections = connections;
    }

    void record(String keyId, KeyUse use) {
        // At one time, the use recorded last.
        pending.merge(keyId, use, (kept, recorded) -> recorded.orLater(kept));
    }

    /** A use of the key not yet written. */
    Optional<KeyUse> unwritten(String keyId) {
        return Optional.ofNullable(pending.get(keyId));
    }

    /** Every second; a method of its own, as Micronaut schedules no method that is also the bean's {@code @PreDestroy}. */
    @Scheduled(fixedDelay = "${gatekey.key-last-used.flush-interval:1s}", initialDelay = "${gatekey.key-last-used.flush-interval:1s}")
    void scheduledFlush() {
        flush();
    }

    /** Writes the uses recorded so far; what is left is written as the store closes. */
    @PreDestroy
    void flush() {
        List<Map.Entry<String, KeyUse>> due = List.copyOf(pending.entrySet());
        if (due.isEmpty()) {
            return;
        }
        try {
            transactions.inTransaction(() -> {
                for (int from = 0; from < due.size(); from += MOST) {
                    List<Map.Entry<String, KeyUse>> part = due.subList(from, Math.min(due.size(), from + MOST));
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

    /**
     * One statement for every key of {@code uses}: the service and region change only with a later time. They are set
     * before the time, as each reads the row's time as it was: MariaDB assigns in order and reads what it assigned
     * before, H2 reads the row as it was throughout.
     */
    private static int write(Connection connection, List<Map.Entry<String, KeyUse>> uses) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("UPDATE access_key SET ");
        for (Map.Entry<String, Function<KeyUse, Optional<String>>> place : PLACE) {
            sql.append(place.getKey()).append(" = CASE WHEN COALESCE(last_used_ms, 0) < ").append(Statements.caseOf("id", times(uses), parameters))
                    // Every branch binds a text: none is an empty one, stored as NULL.
                    .append(" THEN NULLIF(").append(Statements.caseOf("id", uses.stream()
                            .map(use -> Map.entry(use.getKey(), place.getValue().apply(use.getValue()).orElse(""))).toList(), parameters))
                    .append(", '') ELSE ").append(place.getKey()).append(" END, ");
        }
        sql.append("last_used_ms = GREATEST(COALESCE(last_used_ms, 0), ").append(Statements.caseOf("id", times(uses), parameters))
                .append(") WHERE id IN (").append("?, ".repeat(uses.size() - 1)).append("?)");
        uses.forEach(use -> parameters.add(use.getKey()));
        return Statements.update(connection, sql.toString(), parameters);
    }

    private static List<Map.Entry<String, Long>> times(List<Map.Entry<String, KeyUse>> uses) {
        return uses.stream().map(use -> Map.entry(use.getKey(), use.getValue().at().toEpochMilli())).toList();
    }
}
