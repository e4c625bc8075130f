package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditChain;
import io.gatekey.domain.audit.AuditChainHead;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditLink;
import io.gatekey.domain.audit.LinkedAuditEvent;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The audit trail in the database, appended inside the transaction of the change it records. An append locks its
 * chain's head row until its transaction ends, so appends to one chain take their places one after another. So
 * that concurrent appends about one user do not all wait for that one lock, each node writes its own chains, and
 * several of them ({@code gatekey.audit.chains-per-node}, 16): {@code owner@node#n}, the node named by
 * {@code gatekey.node-name} (by default the machine's host name) and {@code n} by the appending thread. Should two
 * nodes share a name on a Galera cluster, both may move one head, and the one that loses certification runs again
 * whole. Two first appends to a new chain race to insert its head: the loser runs again too.
 */
@Singleton
@StorageBoundary
class JdbcAuditLog implements AuditLog {

    private static final int PAGE = 1_000;

    private final AuditEventRows rows;
    private final AuditChainRows chains;
    private final TransactionOperations<Connection> transactions;
    private final String[] writers;

    JdbcAuditLog(AuditEventRows rows, AuditChainRows chains, TransactionOperations<Connection> transactions,
                 @Value("${gatekey.node-name:}") String nodeName, @Value("${gatekey.audit.chains-per-node:16}") int chainsPerNode) {
        this.rows = rows;
        this.chains = chains;
        this.transactions = transactions;
        if (chainsPerNode < 1 || chainsPerNode > 256) {
            throw new IllegalArgumentException("gatekey.audit.chains-per-node must be 1-256, not " + chainsPerNode);
        }
        String node = nodeName(nodeName.isBlank() ? hostName() : nodeName);
        this.writers = new String[chainsPerNode];
        for (int n = 0; n < chainsPerNode; n++) {
            writers[n] = node + "#" + n;
        }
    }

    /** The node's name as part of a chain's: at most 72 characters, no '@'. */
    static String nodeName(String configured) {
        String name = configured.strip().replace('@', '_');
        return name.length() <= 72 ? name : name.substring(0, 72);
    }

    /** The chain writer of the appending thread: one thread's appends (a request's) go to one chain. */
    private String writer() {
        return writers[(int) Math.floorMod(Thread.currentThread().getId(), (long) writers.length)];
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void record(AuditEvent event) {
        AuditEvent stored = AuditEventLinks.storable(event);
        String writer = writer();
        transactions.executeWrite(status -> {
            Optional<AuditChainRow> head = chains.lockHead(AuditChain.chainOf(stored, writer));
            AuditLink link = AuditChain.next(head.map(row -> new AuditChainHead(row.chainKey(), row.lastSeq(), row.lastHash())), stored, writer);
            if (head.isPresent()) {
                rows.save(AuditEventLinks.row(stored, link));
                chains.moveHead(link.chain(), link.seq(), link.hash());
                return null;
            }
            try {
                rows.save(AuditEventLinks.row(stored, link));
                chains.insertHead(link.chain(), link.seq(), link.hash());
            } catch (RuntimeException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new SqlErrors.LostRace("another append started chain " + link.chain() + " first", e);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public List<AuditEvent> recent(Query query) {
        String subjectLike = query.subjectContains().map(text -> "%" + escapeLike(text) + "%").orElse("");
        return rows.recent(query.accountId().map(AccountId::value).orElse(""), query.subAccountId().map(SubAccountId::value).orElse(""), subjectLike,
                        query.type().map(Enum::name).orElse(""), query.since().map(Instant::toEpochMilli).orElse(0L), query.limit())
                .stream()
                .map(AuditEventLinks::event)
                .toList();
    }

    @Override
    public void forEachInChainOrder(Predicate<LinkedAuditEvent> sink) {
        for (AuditEventRow row : rows.unlinked(1)) {
            if (!sink.test(AuditEventLinks.linked(row))) {
                return;
            }
        }
        paged(last -> rows.inChainOrderAfter(last == null ? "" : last.chainKey(), last == null ? 0 : last.chainSeq(), PAGE), sink);
    }

    @Override
    public List<AuditChainHead> heads() {
        return chains.heads().stream().map(row -> new AuditChainHead(row.chainKey(), row.lastSeq(), row.lastHash())).toList();
    }

    @Override
    public void forEachBetween(Instant since, Instant until, Predicate<LinkedAuditEvent> sink) {
        paged(last -> rows.between(since.toEpochMilli(), until.toEpochMilli(), last == null ? since.toEpochMilli() - 1 : last.atMs(),
                last == null ? 0 : last.id(), PAGE), sink);
    }

    /** Hands rows to {@code sink} page by page ({@code next}: the page after a row, null for the first) until one is short or sink says stop. */
    private static void paged(Function<AuditEventRow, List<AuditEventRow>> next, Predicate<LinkedAuditEvent> sink) {
        AuditEventRow last = null;
        while (true) {
            List<AuditEventRow> page = next.apply(last);
            for (AuditEventRow row : page) {
                if (!sink.test(AuditEventLinks.linked(row))) {
                    return;
                }
                last = row;
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
