package io.gatekey.app;

import io.gatekey.application.embedded.SecureRandomSource;
import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.port.out.ConsoleSessionRepository;
import io.gatekey.application.port.out.AuditOrigins;
import io.gatekey.application.port.out.MfaDeviceRepository;
import io.gatekey.application.port.out.MfaFailureCounter;
import io.gatekey.application.port.out.RandomSource;
import io.gatekey.application.port.out.RequestNonceRegistry;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.application.port.out.Telemetry;
import io.gatekey.application.port.out.TemporaryCredentialRepository;
import io.gatekey.application.port.out.TransactionRunner;
import io.gatekey.application.port.out.UsedTimeStepGuard;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.application.service.GatekeySettings;
import io.gatekey.domain.console.ConsoleSessionPolicy;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Wires the use cases over the database-backed ports ({@link GatekeyServices}); {@link DoorUseCases} makes each a bean of its inbound port. */
@Factory
class GatekeyFactory {

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    RandomSource randomSource() {
        return new SecureRandomSource();
    }

    @Singleton
    GatekeySettings settings(@Value("${gatekey.lockout.max-failures:10}") int maxFailures,
                             @Value("${gatekey.lockout.duration:15m}") Duration lockDuration,
                             @Value("${gatekey.otp-issuer:Gatekey}") String otpIssuer,
                             @Value("${gatekey.key-cache-lifetime:4s}") Duration keyCacheLifetime,
                             @Value("${gatekey.mfa.max-age:15m}") Duration mfaMaxAge,
                             @Value("${gatekey.console.idle-timeout:15m}") Duration consoleIdle,
                             @Value("${gatekey.console.absolute-timeout:8h}") Duration consoleLifetime) {
        return new GatekeySettings(new LockoutPolicy(maxFailures, lockDuration), otpIssuer, keyCacheLifetime, mfaMaxAge,
                new ConsoleSessionPolicy(consoleIdle, consoleLifetime));
    }

    @Singleton
    GatekeyPorts ports(AccountRepository accounts, SubAccountRepository subAccounts, AccessKeyRepository accessKeys,
                       MfaDeviceRepository mfaDevices, UsedTimeStepGuard usedTimeSteps, MfaFailureCounter mfaFailures,
                       TemporaryCredentialRepository temporaryCredentials, AuditLog auditLog, RequestNonceRegistry requestNonces,
                       ConsoleSessionRepository consoleSessions, RandomSource random,
                       TransactionRunner transactions, Clock clock, Optional<Telemetry> telemetry, AuditOrigins origins) {
        return new GatekeyPorts(accounts, subAccounts, accessKeys, mfaDevices, usedTimeSteps, mfaFailures,
                temporaryCredentials, auditLog, requestNonces, consoleSessions, random, transactions, clock, telemetry.orElse(Telemetry.NONE), origins);
    }

    @Singleton
    GatekeyServices useCases(GatekeyPorts ports, GatekeySettings settings) {
        return new GatekeyServices(ports, settings);
    }
}
