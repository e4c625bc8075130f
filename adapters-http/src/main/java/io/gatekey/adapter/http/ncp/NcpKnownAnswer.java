package io.gatekey.adapter.http.ncp;

import io.gatekey.adapter.http.SignatureKnownAnswers;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.micronaut.context.annotation.Context;

/** NCP signature v2 of a known request, checked at start (see {@link SignatureKnownAnswers}). */
@Context
final class NcpKnownAnswer {

    static final String MESSAGE = NcpSignatureV2.message("POST", "/api/v1/credentials", "1780308010123", SignatureKnownAnswers.ACCESS_KEY);
    static final String SIGNATURE = "QJ0tI40sMh1OOzkUp+pGZkF/SnRixckfgQsfbfJn3k4=";

    NcpKnownAnswer() {
        SignatureKnownAnswers.expect("NCP signature v2", SIGNATURE, SignatureKnownAnswers.base64(SignatureAlgorithm.HMAC_SHA256, MESSAGE));
    }
}
