package io.gatekey.domain.account;

import io.gatekey.domain.shared.InvalidValueException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What NCP keeps of a sub account beside its login id, with NCP's bounds: the display {@code name} (2-30),
 * {@code email} (6-100), {@code memo} (at most 300 bytes), whether its keys may call APIs at all and from where,
 * and the console settings (console access, MFA required at sign-in, a password reset due, the permitted
 * address ranges).
 */
public record SubAccountProfile(String name, Optional<String> email, String memo, boolean canApiGatewayAccess,
                                boolean useApiAllowSource, List<ApiAllowSource> apiAllowSources, boolean canConsoleAccess,
                                boolean mfaMandatory, boolean needPasswordReset, boolean useConsolePermitIp,
                                List<IpRange> consolePermitIps) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Bounds a list so one request cannot make a row without end. */
    public static final int MAX_RANGES = 100;

    public SubAccountProfile {
        if (name == null || name.strip().length() < 2 || name.length() > 30 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", "2 to 30 characters");
        }
        Objects.requireNonNull(email, "email");
        email.ifPresent(address -> {
            if (address.length() < 6 || address.length() > 100 || !EMAIL.matcher(address).matches()) {
                throw new InvalidValueException("email", "an address of 6 to 100 characters");
            }
        });
        memo = memo == null ? "" : memo;
        if (memo.getBytes(StandardCharsets.UTF_8).length > 300 || memo.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidValueException("memo", "at most 300 bytes");
        }
        apiAllowSources = List.copyOf(apiAllowSources);
        consolePermitIps = List.copyOf(consolePermitIps);
        if (apiAllowSources.size() > MAX_RANGES) {
            throw new InvalidValueException("apiAllowSources", "at most " + MAX_RANGES + " sources");
        }
        if (consolePermitIps.size() > MAX_RANGES) {
            throw new InvalidValueException("consolePermitIps", "at most " + MAX_RANGES + " ranges");
        }
    }

    /** A profile with API access and no console: how sub accounts are made outside NCP's door. */
    public static SubAccountProfile named(String name) {
        return new SubAccountProfile(name, Optional.empty(), "", true, false, List.of(), false, false, false, false, List.of());
    }

    /** The display name a login id gives when none is chosen. */
    public static SubAccountProfile namedAfter(SubAccountName loginId) {
        String value = loginId.value();
        return named(value.length() > 30 ? value.substring(0, 30) : value);
    }

    /** The same profile, with the console's password reset due or not. */
    public SubAccountProfile withNeedPasswordReset(boolean reset) {
        return new SubAccountProfile(name, email, memo, canApiGatewayAccess, useApiAllowSource, apiAllowSources, canConsoleAccess, mfaMandatory,
                reset, useConsolePermitIp, consolePermitIps);
    }

    /** Whether the user may sign in to the console from {@code source} (empty when the door could not tell). */
    public boolean allowsConsoleFrom(Optional<InetAddress> source) {
        if (!canConsoleAccess) {
            return false;
        }
        if (!useConsolePermitIp) {
            return true;
        }
        return source.map(address -> consolePermitIps.stream().anyMatch(range -> range.contains(address))).orElse(false);
    }

    /** Whether the keys may sign a request that came from {@code source} (empty when the door could not tell). */
    public boolean allowsApiCallsFrom(Optional<InetAddress> source) {
        if (!canApiGatewayAccess) {
            return false;
        }
        if (!useApiAllowSource) {
            return true;
        }
        return source.map(address -> apiAllowSources.stream().anyMatch(allowed -> allowed.allows(address))).orElse(false);
    }
}
