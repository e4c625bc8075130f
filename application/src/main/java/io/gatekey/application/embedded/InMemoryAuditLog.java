package io.gatekey.application.embedded;

import io.gatekey.application.port.out.AuditLog;
import io.gatekey.domain.audit.AuditEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The audit trail in memory, keeping the newest {@value #CAPACITY} events; thread-safe. */
public final class InMemoryAuditLog implements AuditLog {

    static final int CAPACITY = 100_000;

    private final Deque<AuditEvent> events = new ArrayDeque<>();

    @Override
    public synchronized void record(AuditEvent event) {
        if (events.size() == CAPACITY) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    @Override
    public synchronized List<AuditEvent> recent(Query query) {
        Iterable<AuditEvent> newestFirst = events::descendingIterator;
        return StreamSupport.stream(newestFirst.spliterator(), false)
                .filter(e -> query.accountId().map(e.accountId()::equals).orElse(true))
                .filter(e -> query.subAccountId().map(user -> e.subAccountId().equals(Optional.of(user))).orElse(true))
                .filter(e -> query.subjectContains().map(e.subject()::contains).orElse(true))
                .filter(e -> query.type().map(e.type()::equals).orElse(true))
                .filter(e -> query.since().map(since -> !e.at().isBefore(since)).orElse(true))
                .limit(query.limit())
                .toList();
    }
}
