package io.gatekey.adapter.http.huawei;

import io.micronaut.http.HttpResponse;

/** Carries the Huawei-worded answer for a refused request out of a handler. */
final class HuaweiException extends RuntimeException {

    private final transient HttpResponse<?> response;

    HuaweiException(HttpResponse<?> response) {
        super(null, null, false, false);
        this.response = response;
    }

    HttpResponse<?> response() {
        return response;
    }
}
