package io.gatekey.domain.account;

import io.gatekey.domain.shared.InvalidValueException;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Where a sub account's keys may call APIs from, as NCP's {@code apiAllowSources} items {@code {type, source}}.
 * NCP's documents do not list the types; this installation knows {@code IP} (an address or CIDR range) and
 * refuses others rather than ignore them.
 */
public record ApiAllowSource(String type, IpRange source) {

    public static final String IP = "IP";

    public ApiAllowSource {
        Objects.requireNonNull(source, "source");
        if (!IP.equals(type)) {
            throw new InvalidValueException("apiAllowSources.type", "IP");
        }
    }

    public static ApiAllowSource of(String type, String source) {
        if (!IP.equals(type)) {
            throw new InvalidValueException("apiAllowSources.type", "IP");
        }
        return new ApiAllowSource(type, IpRange.parse("apiAllowSources.source", source));
    }

    public boolean allows(InetAddress address) {
        return source.contains(address);
    }
}
