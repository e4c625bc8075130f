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
import java.util.function.Predicate;

/**
 * The audit trail in the database, appended inside the transaction of the change it records. Each node appends to
 * chains of its own ({@code owner@node}, the node named by {@code gatekey.node-name}, by default the machine's
 * host name), so nodes do not race for one head. An append locks its chain's head row, so appends to one chain
 * take their places one after another; should two nodes share a name on a Galera cluster, both move the head and
 * the one that loses certification runs again whole. Two first appends to a new chain race to insert its head:
 * the loser runs again too.
 */
@Singleton
@StorageBoundary
class JdbcAuditLog implements AuditLog {

    private static final int PAGE = 1_000;

    private final AuditEventRows rows;
    private final AuditChainRows chains;
    private final TransactionOperations<Connection> transactions;
    private final String writer;

    JdbcAuditLog(AuditEventRows rows, AuditChainRows chains, TransactionOperations<Connection> transactions,
                 @Value("${gatekey.node-name:}") String nodeName) {
        this.rows = rows;
        this.chains = chains;
        this.transactions = transactions;
        this.writer = writerName(nodeName.isBlank() ? hostName() : nodeName);
    }

    /** The node's name as a chain's writer: at most 80 characters, no '@'. */
    static String writerName(String nodeName) {
        String name = nodeName.strip().replace('@', '_');
        return name.length() <= 80 ? name : name.substring(0, 80);
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
        String chain = "";
        long seq = 0;
        while (true) {
            List<AuditEventRow> page = rows.inChainOrderAfter(chain, seq, PAGE);
            for (AuditEventRow row : page) {
                if (!sink.test(AuditEventLinks.linked(row))) {
                    return;
                }
                chain = row.chainKey();
                seq = row.chainSeq();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    @Override
    public List<AuditChainHead> heads() {
        return chains.heads().stream().map(row -> new AuditChainHead(row.chainKey(), row.lastSeq(), row.lastHash())).toList();
    }

    @Override
    public void forEachBetween(Instant since, Instant until, Predicate<LinkedAuditEvent> sink) {
        long afterMs = since.toEpochMilli() - 1;
        long afterId = 0;
        while (true) {
            List<AuditEventRow> page = rows.between(since.toEpochMilli(), until.toEpochMilli(), afterMs, afterId, PAGE);
            for (AuditEventRow row : page) {
                if (!sink.test(AuditEventLinks.linked(row))) {
                    return;
                }
                afterMs = row.atMs();
                afterId = row.id();
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
