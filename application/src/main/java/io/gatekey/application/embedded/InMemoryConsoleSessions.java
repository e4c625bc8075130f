package io.gatekey.application.embedded;

import io.gatekey.application.port.out.ConsoleSessionRepository;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Console sessions in memory; thread-safe. */
public final class InMemoryConsoleSessions implements ConsoleSessionRepository {

    private final Map<ConsoleSessionKey, ConsoleSession> sessions = new LinkedHashMap<>();

    @Override
    public synchronized void add(ConsoleSession session) {
        if (sessions.putIfAbsent(session.key(), session) != null) {
            throw new IllegalStateException("session exists");
        }
    }

    @Override
    public synchronized Optional<ConsoleSession> find(ConsoleSessionKey key) {
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public synchronized boolean touch(ConsoleSessionKey key, Instant now) {
        return sessions.computeIfPresent(key, (k, s) -> s.seenAt(now)) != null;
    }

    @Override
    public synchronized boolean replace(ConsoleSessionKey old, ConsoleSession next) {
        if (sessions.remove(old) == null) {
            return false;
        }
        sessions.put(next.key(), next);
        return true;
    }

    @Override
    public synchronized boolean delete(ConsoleSessionKey key) {
        return sessions.remove(key) != null;
    }

    @Override
    public synchronized int deleteAllOf(SubAccountId user) {
        List<ConsoleSessionKey> keys = sessions.values().stream().filter(s -> s.subAccountId().equals(user)).map(ConsoleSession::key).toList();
        keys.forEach(sessions::remove);
        return keys.size();
    }

    @Override
    public synchronized int purgeExpired(Instant idleBefore, Instant begunBefore, int batchSize) {
        List<ConsoleSessionKey> expired = new ArrayList<>();
        for (ConsoleSession s : sessions.values()) {
            if (expired.size() < batchSize && (s.lastSeenAt().isBefore(idleBefore) || s.createdAt().isBefore(begunBefore))) {
                expired.add(s.key());
            }
        }
        expired.forEach(sessions::remove);
        return expired.size();
    }
}
