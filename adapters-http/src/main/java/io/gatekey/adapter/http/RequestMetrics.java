package io.gatekey.adapter.http;

/**
 * Where the request log's filter reports each answered request, for metrics: its door, method, route template
 * ({@code /api/v1/credentials}, never the path a caller typed, so labels stay bounded), status and time taken.
 */
public interface RequestMetrics {

    /** The route of a request no route matched. */
    String UNMATCHED = "UNMATCHED";

    void served(String door, String method, String route, int status, long nanos);
}
