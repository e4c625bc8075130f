package io.gatekey.application.embedded;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.domain.audit.AuditChain;
import io.gatekey.domain.audit.AuditChainHead;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditLink;
import io.gatekey.domain.audit.LinkedAuditEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * The audit trail in memory, keeping the newest {@value #CAPACITY} events (once older ones are dropped, their
 * chains no longer verify from their start); thread-safe.
 */
public final class InMemoryAuditLog implements AuditLog {

    static final int CAPACITY = 100_000;
    /** The one writer of an in-memory trail. */
    static final String WRITER = "memory";

    private final Deque<LinkedAuditEvent> events = new ArrayDeque<>();
    private final Map<String, AuditChainHead> heads = new HashMap<>();
    private long lastId;

    @Override
    public synchronized void record(AuditEvent event) {
        if (events.size() == CAPACITY) {
            events.removeFirst();
        }
        AuditLink link = AuditChain.next(Optional.ofNullable(heads.get(AuditChain.chainOf(event, WRITER))), event, WRITER);
        heads.put(link.chain(), link.asHead());
        events.addLast(new LinkedAuditEvent(++lastId, event, link));
    }

    @Override
    public synchronized List<AuditEvent> recent(Query query) {
        Iterable<LinkedAuditEvent> newestFirst = events::descendingIterator;
        return StreamSupport.stream(newestFirst.spliterator(), false)
                .map(LinkedAuditEvent::event)
                .filter(e -> query.accountId().map(e.accountId()::equals).orElse(true))
                .filter(e -> query.subAccountId().map(user -> e.subAccountId().equals(Optional.of(user))).orElse(true))
                .filter(e -> query.subjectContains().map(e.subject()::contains).orElse(true))
                .filter(e -> query.type().map(e.type()::equals).orElse(true))
                .filter(e -> query.since().map(since -> !e.at().isBefore(since)).orElse(true))
                .limit(query.limit())
                .toList();
    }

    @Override
    public void forEachInChainOrder(Predicate<LinkedAuditEvent> sink) {
        List<LinkedAuditEvent> ordered;
        synchronized (this) {
            ordered = new ArrayList<>(events);
        }
        ordered.sort(Comparator.comparing((LinkedAuditEvent e) -> e.link().chain()).thenComparingLong(e -> e.link().seq()));
        for (LinkedAuditEvent event : ordered) {
            if (!sink.test(event)) {
                return;
            }
        }
    }

    @Override
    public synchronized List<AuditChainHead> heads() {
        return List.copyOf(heads.values());
    }

    @Override
    public void forEachBetween(Instant since, Instant until, Predicate<LinkedAuditEvent> sink) {
        List<LinkedAuditEvent> window;
        synchronized (this) {
            window = events.stream().filter(e -> !e.event().at().isBefore(since) && e.event().at().isBefore(until)).toList();
        }
        for (LinkedAuditEvent event : window) {
            if (!sink.test(event)) {
                return;
            }
        }
    }
}
