package io.gatekey.app;

import io.gatekey.adapter.http.Door;
import io.gatekey.application.port.out.Telemetry;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.signature.Authentication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * Gatekey's business counters in Micrometer (scraped at {@code /prometheus} on the management port). Labels are
 * bounded: the door (from the request being served; {@code cli} outside one), a reason, a flag. Never a key id,
 * a code or a secret.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
final class MicrometerTelemetry implements Telemetry {

    private final MeterRegistry registry;
    private final List<Door> doors;
    private final Counter opened;

    MicrometerTelemetry(MeterRegistry registry, List<Door> doors) {
        this.registry = registry;
        this.doors = doors;
        this.opened = Counter.builder("gatekey.secrets.opened").description("Sealed secrets opened (AES-GCM)").register(registry);
    }

    @Override
    public void credentialsIssued(boolean withMfa) {
        Counter.builder("gatekey.credentials.issued").description("Temporary credentials issued")
                .tag("door", door()).tag("mfa", Boolean.toString(withMfa)).register(registry).increment();
    }

    @Override
    public void mfaRefused(MfaCheck.Reason reason) {
        Counter.builder("gatekey.mfa.refused").description("One-time codes refused, by reason")
                .tag("door", door()).tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    @Override
    public void lockoutStarted() {
        Counter.builder("gatekey.mfa.lockouts").description("Devices locked after too many wrong codes")
                .tag("door", door()).register(registry).increment();
    }

    @Override
    public void signatureRefused(Authentication.Reason reason) {
        Counter.builder("gatekey.signature.refused").description("Signed requests refused, by reason")
                .tag("door", door()).tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    @Override
    public void secretOpened() {
        opened.increment();
    }

    @Override
    public void keyCacheLookup(boolean hit) {
        Counter.builder("gatekey.keycache.lookups").description("Key material looked up by authentication")
                .tag("result", hit ? "hit" : "miss").register(registry).increment();
    }

    private String door() {
        return ServerRequestContext.currentRequest()
                .map(request -> doors.stream().filter(d -> d.owns(request.getPath())).map(Door::name).findFirst().orElse("other"))
                .orElse("cli");
    }
}
