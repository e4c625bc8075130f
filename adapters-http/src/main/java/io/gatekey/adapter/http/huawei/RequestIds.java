package io.gatekey.adapter.http.huawei;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import java.util.UUID;

/**
 * Gives every Huawei request an id, answered in the {@code X-Request-Id} header (where Huawei's SDK reads it) and
 * repeated as {@code request_id} in error bodies.
 */
@ServerFilter("/v5/**")
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "gatekey.huawei.request-id";

    @RequestFilter
    void assign(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, UUID.randomUUID().toString().replace("-", ""));
    }

    @ResponseFilter
    void stamp(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(HEADER, of(request));
    }

    static String current() {
        return ServerRequestContext.currentRequest().map(RequestIds::of).orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
    }

    private static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = UUID.randomUUID().toString().replace("-", "");
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }
}
