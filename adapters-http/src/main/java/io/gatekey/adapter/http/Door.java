package io.gatekey.adapter.http;

import io.micronaut.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** One provider dialect's entrance: which paths it owns, and how it words the errors every door can meet. */
public interface Door {

    /** The door's short name, for logs: ncp, huawei, tencent. */
    String name();

    /** Whether requests to this path speak this door's dialect. */
    boolean owns(String path);

    /** This door's answer to a failure that happens outside its own handlers (routing, limits, storage). */
    HttpResponse<?> error(CommonError error);

    /** The door that owns {@code path}, if any. */
    static Optional<Door> owning(List<Door> doors, String path) {
        for (Door door : doors) {
            if (door.owns(path)) {
                return Optional.of(door);
            }
        }
        return Optional.empty();
    }

    /** Failures any door can meet. */
    enum CommonError { NOT_FOUND, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE, HEADERS_TOO_LARGE, BAD_REQUEST, UNAVAILABLE, INTERNAL }
}
