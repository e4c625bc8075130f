package io.gatekey.domain.accesskey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A use of a long-term key: when, and the service and region the signed request named, where it named them. */
public record KeyUse(Instant at, Optional<Where> where) {

    public KeyUse {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(where, "where");
    }

    /** This use, or {@code other} when it came later: a key's last use only moves forward in time. */
    public KeyUse orLater(KeyUse other) {
        return other.at.isAfter(at) ? other : this;
    }

    /**
     * The service a request was signed for (AWS's {@code sts} or {@code iam} from its credential scope; another door's
     * own name: {@code ncp}, {@code huawei}, {@code tencent}) and the region its scope named, if any.
     */
    public record Where(String service, Optional<String> region) {

        private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");

        public Where {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(region, "region");
            if (!NAME.matcher(service).matches() || region.filter(name -> !NAME.matcher(name).matches()).isPresent()) {
                throw new IllegalArgumentException("a service or region is 1 to 32 lowercase letters, digits and dashes");
            }
        }

        /** A door's service, which names no region. */
        public static Where service(String service) {
            return new Where(service, Optional.empty());
        }

        /** A service in the region a signature's scope named, which is kept only when it reads as a region name. */
        public static Where scoped(String service, String region) {
            return new Where(service, Optional.of(region).filter(name -> NAME.matcher(name).matches()));
        }
    }
}
