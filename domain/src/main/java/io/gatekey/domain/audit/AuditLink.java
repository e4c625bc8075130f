package io.gatekey.domain.audit;

import java.util.Objects;

/** Where an event sits in its chain: the chain, its place (from 1), the previous event's hash and its own. */
public record AuditLink(String chain, long seq, String previousHash, String hash) {

    public AuditLink {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The newest link of a chain, as its head records it. */
    public AuditChainHead asHead() {
        return new AuditChainHead(chain, seq, hash);
    }
}
