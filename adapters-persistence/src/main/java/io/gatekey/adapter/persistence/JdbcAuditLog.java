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
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The audit trail in the database, appended inside the transaction of the change it records. Each node writes
 * chains of its own, and several of them ({@code gatekey.audit.chains-per-node}, 16): {@code owner@node#n}, the node
 * named by {@code gatekey.node-name} (by default the machine's host name). A transaction that appends takes one of
 * the node's writers {@code #n} for itself until it ends, so no two transactions of a node append to one chain at
 * once, and the writer remembers the heads its committed appends left: an append is then an insert and a head
 * update conditional on the head still being where the writer left it, without reading it first. A head the
 * writer does not know is read first, and the same conditional update checks it. Whatever moved a head meanwhile (two
 * nodes sharing a name, a hand edit), the conditional update finds it, and the transaction runs again whole from
 * a fresh read; so do two first appends to a new chain, which race to insert its head. When every writer is
 * taken for longer than {@link #WRITER_WAIT}, an append uses the thread's writer without taking it, reading and
 * locking the head each time ({@code SELECT ... FOR UPDATE}). A shared commit appends many issuances' events at once ({@link #append}): one
 * insert, and each chain's head moved once.
 */
@Singleton
@StorageBoundary
class JdbcAuditLog implements AuditLog {

    private static final int PAGE = 1_000;
    /** How long an append waits for a free writer before it shares one through the database's head lock. */
    static final Duration WRITER_WAIT = Duration.ofMillis(200);

    private final AuditEventRows rows;
    private final AuditChainRows chains;
    private final TransactionOperations<Connection> transactions;
    private final Writer[] writers;
    private final LinkedBlockingDeque<Writer> idle = new LinkedBlockingDeque<>();
    private static final RowInsert NEW_HEADS = new RowInsert("INSERT", "audit_chain", "chain_key", "last_seq", "last_hash");

    private final ThreadLocal<Held> held = new ThreadLocal<>();

    JdbcAuditLog(AuditEventRows rows, AuditChainRows chains, TransactionOperations<Connection> transactions,
                 @Value("${gatekey.node-name:}") String nodeName, @Value("${gatekey.audit.chains-per-node:16}") int chainsPerNode) {
        this.rows = rows;
        this.chains = chains;
        this.transactions = transactions;
        if (chainsPerNode < 1 || chainsPerNode > 256) {
            throw new IllegalArgumentException("gatekey.audit.chains-per-node must be 1-256, not " + chainsPerNode);
        }
        String node = nodeName(nodeName.isBlank() ? hostName() : nodeName);
        this.writers = new Writer[chainsPerNode];
        for (int n = 0; n < chainsPerNode; n++) {
            writers[n] = new Writer(node + "#" + n);
            idle.addLast(writers[n]);
        }
    }

    /** The node's name as part of a chain's: at most 72 characters, no '@'. */
    static String nodeName(String configured) {
        String name = configured.strip().replace('@', '_');
        return name.length() <= 72 ? name : name.substring(0, 72);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** One of the node's chain writers, and the heads its committed appends left (a hint: a head update checks it). */
    private static final class Writer {
        final String name;
        final Map<String, AuditChainHead> heads = new ConcurrentHashMap<>();

        Writer(String name) {
            this.name = name;
        }
    }

    /**
     * A transaction's writer, and the heads its appends moved, which become the writer's once it commits; should
     * it roll back, the writer forgets every head it touched. {@code owned}: taken for this transaction alone, so
     * its remembered heads may be used.
     */
    private record Held(Writer writer, boolean owned, Map<String, Optional<AuditChainHead>> moved) {

        Optional<AuditChainHead> known(String chain) {
            Optional<AuditChainHead> head = moved.get(chain);
            return head != null ? head : owned ? Optional.ofNullable(writer.heads.get(chain)) : Optional.empty();
        }

        void touching(String chain) {
            moved.putIfAbsent(chain, Optional.empty());
        }

        void ended(boolean committed) {
            moved.forEach((chain, head) -> {
                if (committed && owned && head.isPresent()) {
                    writer.heads.put(chain, head.get());
                } else {
                    writer.heads.remove(chain);
                }
            });
        }
    }

    @Override
    @Shareable
    public void record(AuditEvent event) {
        SharedWrites shared = SharedWrites.gathering();
        if (shared != null) {
            shared.events.add(event);
        } else {
            append(List.of(event));
        }
    }

    /**
     * Appends the events in their order, in the current transaction (or one of their own): the heads of their
     * chains read in one statement, one insert for all the events, and the heads moved in one statement, each from
     * where it was to the last of its events.
     */
    void append(List<AuditEvent> events) {
        transactions.executeWrite(status -> {
            Held writer = writerOf(status);
            List<AuditEvent> storable = events.stream().map(AuditEventLinks::storable).toList();
            Map<String, Optional<AuditChainHead>> found = heads(writer, storable);
            Map<String, AuditChainHead> last = new HashMap<>(2);
            List<Object[]> linked = new ArrayList<>(events.size());
            for (AuditEvent stored : storable) {
                String chain = AuditChain.chainOf(stored, writer.writer().name);
                Optional<AuditChainHead> head = Optional.ofNullable(last.get(chain)).or(() -> found.get(chain));
                AuditLink link = AuditChain.next(head, stored, writer.writer().name);
                linked.add(AuditEventLinks.row(stored, link));
                last.put(chain, new AuditChainHead(chain, link.seq(), link.hash()));
            }
            try {
                AuditEventLinks.INSERT.run(status.getConnection(), linked);
                List<Object[]> started = new ArrayList<>();
                Map<AuditChainHead, AuditChainHead> moves = new LinkedHashMap<>();
                found.forEach((chain, from) -> {
                    AuditChainHead to = last.get(chain);
                    if (from.isEmpty()) {
                        started.add(new Object[] {to.chain(), to.seq(), to.hash()});
                    } else {
                        moves.put(from.get(), to);
                    }
                });
                if (!started.isEmpty()) {
                    NEW_HEADS.run(status.getConnection(), started);
                }
                if (!moves.isEmpty() && moveHeads(status.getConnection(), moves) != moves.size()) {
                    throw new SqlErrors.LostRace("a chain of " + String.join(", ", found.keySet()) + " moved on since this node last appended to it", null);
                }
            } catch (RuntimeException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new SqlErrors.LostRace("another append took a place of " + String.join(", ", found.keySet()) + " first", e);
                }
                throw e;
            }
            last.forEach((chain, head) -> writer.moved().put(chain, Optional.of(head)));
            return null;
        });
    }

    /**
     * The head of each chain the events go to, as found: remembered by the writer, or read, all such chains in one
     * statement (either way checked when it is moved); empty for a chain not begun.
     */
    private Map<String, Optional<AuditChainHead>> heads(Held writer, List<AuditEvent> events) {
        Map<String, Optional<AuditChainHead>> found = new LinkedHashMap<>(2);
        List<String> unknown = new ArrayList<>(2);
        for (AuditEvent event : events) {
            String chain = AuditChain.chainOf(event, writer.writer().name);
            if (!found.containsKey(chain)) {
                Optional<AuditChainHead> known = writer.known(chain);
                found.put(chain, known);
                if (known.isEmpty()) {
                    unknown.add(chain);
                }
                writer.touching(chain);
            }
        }
        if (!unknown.isEmpty()) {
            // A writer held by this transaction alone reads them unlocked: its conditional update finds a head that
            // moved meanwhile. A locking read of a chain not begun would lock the gap where its head goes, and two
            // transactions beginning chains side by side would each wait for the other's gap (a deadlock). A writer
            // shared through the heads' locks (every writer busy) locks them.
            (writer.owned() ? chains.readHeads(unknown) : chains.lockHeads(unknown)).forEach(row -> found.put(row.chainKey(), Optional.of(new AuditChainHead(row.chainKey(), row.lastSeq(), row.lastHash()))));
        }
        return found;
    }

    /** Moves each head on from where it was found, in one statement; how many moved (a head that had moved meanwhile does not). */
    private static int moveHeads(Connection connection, Map<AuditChainHead, AuditChainHead> moves) {
        List<Object> values = new ArrayList<>();
        String seq = Statements.caseOf("chain_key", moves.values().stream().map(to -> Map.entry(to.chain(), to.seq())).toList(), values);
        String hash = Statements.caseOf("chain_key", moves.values().stream().map(to -> Map.entry(to.chain(), to.hash())).toList(), values);
        moves.keySet().forEach(from -> {
            values.add(from.chain());
            values.add(from.seq());
        });
        String where = String.join(" OR ", Collections.nCopies(moves.size(), "(chain_key = ? AND last_seq = ?)"));
        return Statements.update(connection, "UPDATE audit_chain SET last_seq = " + seq + ", last_hash = " + hash + " WHERE " + where, values);
    }

    /** The writer the current transaction holds, taken now (and given back when it ends) at its first append. */
    private Held writerOf(TransactionStatus<Connection> status) {
        Held current = held.get();
        if (current != null) {
            return current;
        }
        Writer taken = null;
        try {
            taken = idle.pollFirst(WRITER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Writer writer = taken != null ? taken : writers[(int) Math.floorMod(Thread.currentThread().getId(), (long) writers.length)];
        Held holding = new Held(writer, taken != null, new HashMap<>());
        held.set(holding);
        boolean give = taken != null;
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(Status completion) {
                held.remove();
                holding.ended(completion == Status.COMMITTED);
                if (give) {
                    // Last in, first out: a quiet node keeps writing its first chains.
                    idle.offerFirst(writer);
                }
            }
        });
        return holding;
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
