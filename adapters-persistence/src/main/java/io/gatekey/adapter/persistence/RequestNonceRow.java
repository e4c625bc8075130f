package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("request_nonce")
record RequestNonceRow(@EmbeddedId Key key, long expiresMs) {

    @Embeddable
    record Key(String accessKeyId, String nonce) {
    }
}
