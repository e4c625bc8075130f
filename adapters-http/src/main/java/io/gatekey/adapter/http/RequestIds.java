package io.gatekey.adapter.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id, answered in {@code X-Request-Id} (where Huawei's SDK reads it; Huawei's error bodies
 * repeat it), and writes one line per request to the {@code gatekey.requests} log: door, method, path, status,
 * milliseconds, request id, the caller's access key id once its signature held, and the source address. The query
 * string is never written (Tencent's carries the signature and the code), nor any header value but the key id.
 * It also dates every answer ({@link HttpDate}) and hands each answered request to {@link RequestMetrics}, when there
 * is one.
 */
// Every path: Micronaut's router keeps filters on "/**" in a list of their own that it matches nothing against.
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The authenticated caller's access key id, set by a door once the request's signature holds. */
    public static final String CALLER_KEY = "gatekey.caller-key";
    private static final String ATTRIBUTE = "gatekey.request";
    private static final String LOGGED_PATH = "gatekey.logged-path";
    private static final Logger LOG = LoggerFactory.getLogger("gatekey.requests");
    private static final HexFormat HEX = HexFormat.of();

    private final List<Door> doors;
    private final ClientAddresses clients;
    private final boolean logging;
    private final boolean fields;
    private final RequestMetrics metrics;
    private final HttpDate date;

    RequestIds(List<Door> doors, ClientAddresses clients, @Value("${gatekey.request-log.enabled:true}") boolean logging,
               @Value("${gatekey.log.format:plain}") String logFormat, @Nullable RequestMetrics metrics, HttpDate date) {
        this.doors = doors;
        this.clients = clients;
        this.logging = logging;
        this.fields = logFormat.equalsIgnoreCase("json");
        this.metrics = metrics;
        this.date = date;
    }

    @RequestFilter
    void assign(HttpRequest<?> request) {
        // The route as matched now: an error answered later is routed to its handler, not to this template.
        request.setAttribute(ATTRIBUTE, new Stamp(fresh(), System.nanoTime(), metrics == null ? RequestMetrics.UNMATCHED : route(request)));
    }

    /** What the filter notes of a request as it comes in. */
    private record Stamp(String id, long startedNanos, String route) {
    }

    @ResponseFilter
    void stamp(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Stamp stamp = stamp(request);
        String id = stamp.id();
        response.header(HEADER, id);
        response.getHeaders().set(HttpHeaders.DATE, date.now());
        boolean log = logging && LOG.isInfoEnabled();
        if (!log && metrics == null) {
            return;
        }
        long nanos = System.nanoTime() - stamp.startedNanos();
        String path = request.getAttribute(LOGGED_PATH, String.class).orElseGet(request::getPath);
        String door = Door.owning(doors, path).map(Door::name).orElse("-");
        if (metrics != null) {
            metrics.served(door, request.getMethodName(), stamp.route(), response.code(), nanos);
        }
        if (log) {
            long millis = nanos / 1_000_000;
            String key = request.getAttribute(CALLER_KEY).map(String::valueOf).orElse("-");
            String source = clients.of(request).map(java.net.InetAddress::getHostAddress).orElse("-");
            String line = new StringBuilder(160).append(door).append(' ').append(request.getMethodName()).append(' ').append(path)
                    .append(' ').append(response.code()).append(' ').append(millis).append("ms id=").append(id).append(" key=").append(key)
                    .append(" src=").append(source).toString();
            if (fields) {
                // The JSON log format writes these as fields of their own.
                LOG.atInfo().addKeyValue("door", door).addKeyValue("method", request.getMethodName()).addKeyValue("path", path)
                        .addKeyValue("status", response.code()).addKeyValue("ms", millis).addKeyValue("requestId", id)
                        .addKeyValue("accessKey", key).addKeyValue("source", source).log(line);
            } else {
                LOG.info(line);
            }
        }
    }

    /**
     * The path a request was sent to where Micronaut could not parse its URL (and gave it "/"): logged and counted
     * under the door it names, with every character outside printable ASCII percent-encoded, so that a request line
     * cannot write into the log what it likes.
     */
    static void loggedPath(HttpRequest<?> request, String rawPath) {
        StringBuilder printable = new StringBuilder(rawPath.length());
        // Netty reads a request line as ISO-8859-1: each character below 256 is the byte that came.
        for (byte b : rawPath.getBytes(StandardCharsets.ISO_8859_1)) {
            if (b > 0x20 && b < 0x7f) {
                printable.append((char) b);
            } else {
                printable.append('%').append(HEX.toHexDigits(b).toUpperCase(Locale.ROOT));
            }
        }
        request.setAttribute(LOGGED_PATH, printable.toString());
    }

    private static String route(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request).orElse(null) instanceof UriRouteInfo<?, ?> route
                ? route.getUriMatchTemplate().toPathString()
                : RequestMetrics.UNMATCHED;
    }

    /** The current request's id (a fresh one outside a request). */
    public static String current() {
        return ServerRequestContext.currentRequest().map(RequestIds::of).orElseGet(RequestIds::fresh);
    }

    static String of(HttpRequest<?> request) {
        return stamp(request).id();
    }

    /** The request's stamp; one made now for a request the filter did not see come in. */
    private static Stamp stamp(HttpRequest<?> request) {
        if (request.getAttribute(ATTRIBUTE).orElse(null) instanceof Stamp stamp) {
            return stamp;
        }
        Stamp stamp = new Stamp(fresh(), System.nanoTime(), RequestMetrics.UNMATCHED);
        request.setAttribute(ATTRIBUTE, stamp);
        return stamp;
    }

    /**
     * 128 random bits as 32 lower-case hex digits. A request id names a request in logs and answers and guards
     * nothing, so it comes from the thread's own generator rather than the shared SecureRandom every request
     * would otherwise queue on.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}
