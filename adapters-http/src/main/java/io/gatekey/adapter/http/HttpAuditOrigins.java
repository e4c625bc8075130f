package io.gatekey.adapter.http;

import io.gatekey.application.port.out.AuditOrigins;
import io.gatekey.domain.audit.AuditOrigin;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Audit origins from the request being served: its door, its {@code X-Request-Id}, the client's address (as
 * {@link ClientAddresses} trusts it) and its {@code User-Agent}. Outside a request (the server's own jobs) the origin
 * is the local machine and the user running the server.
 */
@Singleton
final class HttpAuditOrigins implements AuditOrigins {

    private final List<Door> doors;
    private final ClientAddresses clients;
    private final AuditOrigin outsideRequests;

    HttpAuditOrigins(List<Door> doors, ClientAddresses clients) {
        this.doors = doors;
        this.clients = clients;
        this.outsideRequests = AuditOrigin.local("server");
    }

    @Override
    public AuditOrigin current() {
        return ServerRequestContext.currentRequest().map(this::of).orElse(outsideRequests);
    }

    private AuditOrigin of(HttpRequest<?> request) {
        String door = Door.owning(doors, request.getPath()).map(Door::name).orElse("http");
        return new AuditOrigin(door, Optional.of(RequestIds.of(request)), clients.of(request).map(InetAddress::getHostAddress),
                Optional.ofNullable(request.getHeaders().get(HttpHeaders.USER_AGENT)));
    }
}
