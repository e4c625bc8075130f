package io.gatekey.domain.credential;

import io.gatekey.domain.accesskey.AccessKeyId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a temporary credential was minted with: the key that signed the request ({@code mintedBy}, long-term or
 * temporary) and the long-term key at the start of that chain ({@code rootKey}; empty when the chain starts at a
 * credential the operator issued). A credential dies with either.
 */
public record CredentialOrigin(AccessKeyId mintedBy, Optional<AccessKeyId> rootKey) {

    public CredentialOrigin {
        Objects.requireNonNull(mintedBy, "mintedBy");
        Objects.requireNonNull(rootKey, "rootKey");
        if (rootKey.filter(AccessKeyId::isTemporary).isPresent()) {
            throw new IllegalArgumentException("the root of a chain is a long-term key");
        }
    }
}
