package io.gatekey.adapter.http.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * What every console answer says to the browser: run no script and load nothing from elsewhere (no inline script
 * is ever needed), never be framed, keep nothing in caches (pages show seeds and secrets), send no referrer to other sites.
 */
// On "/**", picking out the console's paths itself: a filter on a pattern would cost every request of every door
// the router's pattern and annotation matching; one on "/**" costs none.
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ConsoleHeaders {

    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!ConsoleDoor.covers(request.getPath())) {
            return;
        }
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Frame-Options", "DENY");
        response.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser posts forms with "Origin: null", which CORS refuses.
        response.header("Referrer-Policy", "same-origin");
        if (!response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
