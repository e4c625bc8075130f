package io.gatekey.adapter.http.tencent;

import io.micronaut.http.HttpResponse;

/** Carries the Tencent-worded answer for a refused request out of a handler. */
final class TencentException extends RuntimeException {

    private final transient HttpResponse<?> response;

    TencentException(HttpResponse<?> response) {
        super(null, null, false, false);
        this.response = response;
    }

    HttpResponse<?> response() {
        return response;
    }
}
