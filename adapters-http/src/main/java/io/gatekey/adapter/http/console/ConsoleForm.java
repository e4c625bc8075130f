package io.gatekey.adapter.http.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Every field a console form posts (each form sends some of them); {@code csrf} is on every form. */
@Serdeable
record ConsoleForm(@Nullable String csrf, @Nullable String loginId, @Nullable String password, @Nullable String newPassword,
                   @Nullable String confirmPassword, @Nullable String code, @Nullable String code1, @Nullable String code2,
                   @Nullable String serialNumber, @Nullable String accessKey, @Nullable String durationSec) {

    @Override
    public String toString() {
        return "ConsoleForm[hidden]";
    }
}
