package io.gatekey.app;

import io.gatekey.application.embedded.SecureRandomSource;
import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.port.out.MfaDeviceRepository;
import io.gatekey.application.port.out.MfaFailureCounter;
import io.gatekey.application.port.out.RandomSource;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.application.port.out.TemporaryCredentialRepository;
import io.gatekey.application.port.out.TransactionRunner;
import io.gatekey.application.port.out.UsedTimeStepGuard;
import io.gatekey.application.service.GatekeyPorts;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.application.service.GatekeySettings;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Wires the use cases over the database-backed ports. */
@Factory
class GatekeyFactory {

    @Singleton
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
                             @Value("${gatekey.otp-issuer:Gatekey}") String otpIssuer) {
        return new GatekeySettings(new LockoutPolicy(maxFailures, lockDuration), otpIssuer);
    }

    @Singleton
    GatekeyPorts ports(AccountRepository accounts, SubAccountRepository subAccounts, AccessKeyRepository accessKeys,
                       MfaDeviceRepository mfaDevices, UsedTimeStepGuard usedTimeSteps, MfaFailureCounter mfaFailures,
                       TemporaryCredentialRepository temporaryCredentials, AuditLog auditLog, RandomSource random,
                       TransactionRunner transactions, Clock clock) {
        return new GatekeyPorts(accounts, subAccounts, accessKeys, mfaDevices, usedTimeSteps, mfaFailures,
                temporaryCredentials, auditLog, random, transactions, clock);
    }

    @Singleton
    GatekeyServices useCases(GatekeyPorts ports, GatekeySettings settings) {
        return new GatekeyServices(ports, settings);
    }
}
