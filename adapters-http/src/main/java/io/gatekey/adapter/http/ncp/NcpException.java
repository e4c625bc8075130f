package io.gatekey.adapter.http.ncp;

import io.micronaut.http.HttpResponse;

/** Carries the NCP-worded answer for a refused request out of a handler. */
final class NcpException extends RuntimeException {

    private final transient HttpResponse<?> response;

    NcpException(HttpResponse<?> response) {
        super(null, null, false, false);
        this.response = response;
    }

    HttpResponse<?> response() {
        return response;
    }
}
