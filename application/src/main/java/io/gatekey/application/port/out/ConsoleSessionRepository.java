package io.gatekey.application.port.out;

import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores console sessions server-side, so a session begun on one node holds on every node of the same database,
 * and ending it on one ends it everywhere. Sessions are found by key (the hash of their token), never by token.
 */
public interface ConsoleSessionRepository {

    void add(ConsoleSession session);

    Optional<ConsoleSession> find(ConsoleSessionKey key);

    /** Records a request at {@code now}; false when the session is gone. */
    boolean touch(ConsoleSessionKey key, Instant now);

    /**
     * Replaces a session by its next step under a new key, atomically: true when {@code old} was still there (and
     * is now gone), false when another request ended or replaced it first (then nothing is added).
     */
    boolean replace(ConsoleSessionKey old, ConsoleSession next);

    /** Ends one session; false when there was none. */
    boolean delete(ConsoleSessionKey key);

    /** Ends every session of the user (a new password, a deactivation); returns how many. */
    int deleteAllOf(SubAccountId user);

    /** Removes up to {@code batchSize} sessions idle since before {@code idleBefore} or begun before {@code begunBefore}. */
    int purgeExpired(Instant idleBefore, Instant begunBefore, int batchSize);
}
