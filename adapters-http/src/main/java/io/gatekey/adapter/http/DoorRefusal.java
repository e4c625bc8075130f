package io.gatekey.adapter.http;

import io.micronaut.http.HttpResponse;

/** Carries a door's own answer to a refused request (in that door's envelope) out of its handlers. */
public final class DoorRefusal extends RuntimeException {

    private final transient HttpResponse<?> response;

    public DoorRefusal(HttpResponse<?> response) {
        super(null, null, false, false);
        this.response = response;
    }

    public HttpResponse<?> response() {
        return response;
    }
}
