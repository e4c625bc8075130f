package io.gatekey.domain.account;

import io.gatekey.domain.shared.InvalidValueException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address or CIDR range, written as a literal ({@code 203.0.113.7}, {@code 203.0.113.0/24},
 * {@code 2001:db8::/32}). Only literals are accepted: nothing here ever asks DNS.
 */
public record IpRange(byte[] network, int prefixLength) {

    private static final String IPV4 = "\\d{1,3}(\\.\\d{1,3}){3}";
    private static final String IPV6 = "[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*";

    public IpRange {
        network = network.clone();
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /** An IPv4 or IPv6 address written as a literal; a name (which would need DNS) or anything else is empty. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || (!text.matches(IPV4) && !text.matches(IPV6))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Parses {@code text}; {@code field} names it in the error. */
    public static IpRange parse(String field, String text) {
        String value = text == null ? "" : text.strip();
        int slash = value.indexOf('/');
        byte[] bytes = literal(slash < 0 ? value : value.substring(0, slash))
                .orElseThrow(() -> new InvalidValueException(field, "an IP address or CIDR range, not " + text))
                .getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new InvalidValueException(field, "a prefix length from 0 to " + bits + ", not " + text);
            }
            prefix = Integer.parseInt(length);
        }
        return new IpRange(bytes, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange range && range.prefixLength == prefixLength && java.util.Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            String address = InetAddress.getByAddress(network).getHostAddress();
            return prefixLength == network.length * 8 ? address : address + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
