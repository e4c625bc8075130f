package io.gatekey.domain.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The audit trail's hash chains. Every event belongs to one chain, named {@code owner@writer}: the owner is its
 * user (or, for events about no user, its account; see {@link AuditEvent#chain()}), the writer the node that
 * appended it, so that two nodes never race for the head of one chain. Each event stores {@code SHA-256} over its
 * place, the previous event's hash and its content. Changing an event breaks its own hash; removing one breaks
 * the next event's link, or (for the newest) the chain's head.
 *
 * <p>The hashed bytes, in order: the text {@code gatekey-audit-v1}, then chain, seq, previous hash, time in epoch
 * milliseconds, type, account id, user id, actor, subject, detail, door, request id, source address and user
 * agent. A text is its UTF-8 length as a 4-byte big-endian number, then its bytes; an absent one is the length
 * -1 alone; a number is 8 bytes big-endian. An export carries every one of these fields, so anyone can check it.
 */
public final class AuditChain {

    /** The previous hash of a chain's first event. */
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] VERSION = "gatekey-audit-v1".getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** The chain {@code writer} appends {@code event} to. */
    public static String chainOf(AuditEvent event, String writer) {
        if (writer.isEmpty() || writer.indexOf('@') >= 0) {
            throw new IllegalArgumentException("a writer's name is not empty and holds no '@': " + writer);
        }
        return event.chain() + "@" + writer;
    }

    /** Whose events a chain holds: the part of its name before the writer. */
    public static String owner(String chain) {
        int at = chain.lastIndexOf('@');
        return at < 0 ? chain : chain.substring(0, at);
    }

    /** The link of {@code event} after {@code head} of the chain {@code writer} appends it to (empty: the chain's first event). */
    public static AuditLink next(Optional<AuditChainHead> head, AuditEvent event, String writer) {
        String chain = chainOf(event, writer);
        long seq = head.map(h -> h.seq() + 1).orElse(1L);
        String previous = head.map(AuditChainHead::hash).orElse(GENESIS);
        return new AuditLink(chain, seq, previous, hash(chain, seq, previous, event));
    }

    /** The hash an event at {@code seq} of {@code chain} after {@code previousHash} must carry. */
    public static String hash(String chain, long seq, String previousHash, AuditEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(VERSION);
        text(sha256, chain);
        number(sha256, seq);
        text(sha256, previousHash);
        number(sha256, event.at().toEpochMilli());
        text(sha256, event.type().name());
        text(sha256, event.accountId().value());
        text(sha256, event.subAccountId().map(user -> user.value()));
        text(sha256, event.actor());
        text(sha256, event.subject());
        text(sha256, event.detail());
        text(sha256, event.origin().door());
        text(sha256, event.origin().requestId());
        text(sha256, event.origin().sourceAddress());
        text(sha256, event.origin().userAgent());
        return HEX.formatHex(sha256.digest());
    }

    private static void text(MessageDigest digest, Optional<String> value) {
        if (value.isPresent()) {
            text(digest, value.get());
        } else {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
        }
    }

    private static void text(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static void number(MessageDigest digest, long value) {
        digest.update(ByteBuffer.allocate(8).putLong(value).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
