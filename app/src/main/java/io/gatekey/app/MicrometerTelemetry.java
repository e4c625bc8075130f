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
    private final Counter cacheHits;
    private final Counter cacheMisses;

    MicrometerTelemetry(MeterRegistry registry, List<Door> doors) {
        this.registry = registry;
        this.doors = doors;
        this.opened = Counter.builder("gatekey.secrets.opened").description("Sealed secrets opened (AES-GCM)").register(registry);
        // Counted on every signed request: kept, not looked up each time.
        this.cacheHits = keyCacheCounter(registry, "hit");
        this.cacheMisses = keyCacheCounter(registry, "miss");
    }

    @Override
    public void credentialsIssued(boolean withMfa) {
        count("gatekey.credentials.issued", "Temporary credentials issued", "door", door(), "mfa", Boolean.toString(withMfa));
    }

    @Override
    public void mfaRefused(MfaCheck.Reason reason) {
        count("gatekey.mfa.refused", "One-time codes refused, by reason", "door", door(), "reason", label(reason.name()));
    }

    @Override
    public void lockoutStarted() {
        count("gatekey.mfa.lockouts", "Devices locked after too many wrong codes", "door", door());
    }

    @Override
    public void consoleSignIn(SignIn outcome) {
        count("gatekey.console.sign-ins", "Console sign-ins' password step, by outcome", "outcome", label(outcome.name()));
    }

    @Override
    public void signatureRefused(Authentication.Reason reason) {
        count("gatekey.signature.refused", "Signed requests refused, by reason", "door", door(), "reason", label(reason.name()));
    }

    @Override
    public void secretOpened() {
        opened.increment();
    }

    @Override
    public void keyCacheLookup(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    private static Counter keyCacheCounter(MeterRegistry registry, String result) {
        return Counter.builder("gatekey.keycache.lookups").description("Key material looked up by authentication").tags("result", result).register(registry);
    }

    private void count(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }

    private static String label(String reason) {
        return reason.toLowerCase(Locale.ROOT);
    }

    private String door() {
        return ServerRequestContext.currentRequest()
                .map(request -> Door.owning(doors, request.getPath()).map(Door::name).orElse("other"))
                .orElse("cli");
    }
}
