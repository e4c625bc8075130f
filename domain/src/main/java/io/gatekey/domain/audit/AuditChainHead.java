package io.gatekey.domain.audit;

import java.util.Objects;

/** A chain's newest place and hash, kept apart from the events so that losing the newest ones shows. */
public record AuditChainHead(String chain, long seq, String hash) {

    public AuditChainHead {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(hash, "hash");
    }
}
