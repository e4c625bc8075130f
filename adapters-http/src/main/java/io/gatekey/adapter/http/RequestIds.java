package io.gatekey.adapter.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id, answered in {@code X-Request-Id} (where Huawei's SDK reads it; Huawei's error bodies
 * repeat it), and writes one line per request to the {@code gatekey.requests} log: door, method, path, status,
 * milliseconds, request id, the caller's access key id once its signature held, and the source address. The query
 * string is never written (Tencent's carries the signature and the code), nor any header value but the key id.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The authenticated caller's access key id, set by a door once the request's signature holds. */
    public static final String CALLER_KEY = "gatekey.caller-key";
    private static final String ATTRIBUTE = "gatekey.request-id";
    private static final String STARTED = "gatekey.request-started";
    private static final Logger LOG = LoggerFactory.getLogger("gatekey.requests");

    private final List<Door> doors;
    private final ClientAddresses clients;
    private final boolean logging;

    RequestIds(List<Door> doors, ClientAddresses clients, @Value("${gatekey.request-log.enabled:true}") boolean logging) {
        this.doors = doors;
        this.clients = clients;
        this.logging = logging;
    }

    @RequestFilter
    void assign(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
        of(request);
    }

    @ResponseFilter
    void stamp(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = of(request);
        response.header(HEADER, id);
        if (logging && LOG.isInfoEnabled()) {
            long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
            String path = request.getPath();
            String door = Door.owning(doors, path).map(Door::name).orElse("-");
            long millis = (System.nanoTime() - started) / 1_000_000;
            String key = request.getAttribute(CALLER_KEY, String.class).orElse("-");
            String source = clients.of(request).map(java.net.InetAddress::getHostAddress).orElse("-");
            // The same fields as key-value pairs, which the JSON log format writes as fields of their own.
            LOG.atInfo().addKeyValue("door", door).addKeyValue("method", request.getMethodName()).addKeyValue("path", path)
                    .addKeyValue("status", response.code()).addKeyValue("ms", millis).addKeyValue("requestId", id)
                    .addKeyValue("accessKey", key).addKeyValue("source", source)
                    .log("{} {} {} {} {}ms id={} key={} src={}", door, request.getMethodName(), path, response.code(), millis, id, key, source);
        }
    }

    /** The current request's id (a fresh one outside a request). */
    public static String current() {
        return ServerRequestContext.currentRequest().map(RequestIds::of).orElseGet(RequestIds::fresh);
    }

    static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = fresh();
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    private static String fresh() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
