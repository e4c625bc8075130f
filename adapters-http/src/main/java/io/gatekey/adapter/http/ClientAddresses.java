package io.gatekey.adapter.http;

import io.gatekey.domain.account.IpRange;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where a request came from, for the sub accounts whose keys may sign only from some sources. By default the
 * connection's peer address. Behind a reverse proxy, {@code gatekey.http.client-address-header} names the header
 * it writes the client's address into (for example {@code X-Forwarded-For}, of which the first address counts):
 * set it only when every request passes that proxy, or any client could name its own address.
 */
@Singleton
public final class ClientAddresses {

    private final String header;

    ClientAddresses(@Value("${gatekey.http.client-address-header:}") String header) {
        this.header = header.strip();
    }

    public Optional<InetAddress> of(HttpRequest<?> request) {
        if (!header.isEmpty()) {
            String value = request.getHeaders().get(header);
            if (value == null) {
                return Optional.empty();
            }
            // Only an address literal: a header never makes this node ask DNS.
            return IpRange.literal(value.split(",")[0].strip());
        }
        return Optional.ofNullable(request.getRemoteAddress()).map(InetSocketAddress::getAddress);
    }
}
