package io.gatekey.application.service;

import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.application.port.out.AccountRepository;
import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.port.out.AuditOrigins;
import io.gatekey.application.port.out.ConsoleSessionRepository;
import io.gatekey.application.port.out.MfaDeviceRepository;
import io.gatekey.application.port.out.MfaFailureCounter;
import io.gatekey.application.port.out.RandomSource;
import io.gatekey.application.port.out.RequestNonceRegistry;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.application.port.out.Telemetry;
import io.gatekey.application.port.out.TemporaryCredentialRepository;
import io.gatekey.application.port.out.TransactionRunner;
import io.gatekey.application.port.out.UsedTimeStepGuard;
import io.gatekey.domain.audit.AuditOrigin;
import java.time.Clock;
import java.util.Objects;

/** Every outbound port the use cases need, as one value for the wiring. */
public record GatekeyPorts(
        AccountRepository accounts,
        SubAccountRepository subAccounts,
        AccessKeyRepository accessKeys,
        MfaDeviceRepository mfaDevices,
        UsedTimeStepGuard usedTimeSteps,
        MfaFailureCounter mfaFailures,
        TemporaryCredentialRepository temporaryCredentials,
        AuditLog auditLog,
        RequestNonceRegistry requestNonces,
        ConsoleSessionRepository consoleSessions,
        RandomSource random,
        TransactionRunner transactions,
        Clock clock,
        Telemetry telemetry,
        AuditOrigins origins) {

    public GatekeyPorts {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(subAccounts, "subAccounts");
        Objects.requireNonNull(accessKeys, "accessKeys");
        Objects.requireNonNull(mfaDevices, "mfaDevices");
        Objects.requireNonNull(usedTimeSteps, "usedTimeSteps");
        Objects.requireNonNull(mfaFailures, "mfaFailures");
        Objects.requireNonNull(temporaryCredentials, "temporaryCredentials");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(requestNonces, "requestNonces");
        Objects.requireNonNull(consoleSessions, "consoleSessions");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(origins, "origins");
    }

    /** Ports that count nothing ({@link Telemetry#NONE}), for an embedding program (its events' door is {@code embedded}). */
    public GatekeyPorts(AccountRepository accounts, SubAccountRepository subAccounts, AccessKeyRepository accessKeys, MfaDeviceRepository mfaDevices,
                        UsedTimeStepGuard usedTimeSteps, MfaFailureCounter mfaFailures, TemporaryCredentialRepository temporaryCredentials,
                        AuditLog auditLog, RequestNonceRegistry requestNonces, ConsoleSessionRepository consoleSessions, RandomSource random,
                        TransactionRunner transactions, Clock clock) {
        this(accounts, subAccounts, accessKeys, mfaDevices, usedTimeSteps, mfaFailures, temporaryCredentials, auditLog, requestNonces, consoleSessions, random,
                transactions, clock, Telemetry.NONE, AuditOrigins.fixed(AuditOrigin.of("embedded")));
    }

    /** The same ports, counting into {@code counting}. */
    public GatekeyPorts withTelemetry(Telemetry counting) {
        return new GatekeyPorts(accounts, subAccounts, accessKeys, mfaDevices, usedTimeSteps, mfaFailures, temporaryCredentials, auditLog,
                requestNonces, consoleSessions, random, transactions, clock, counting, origins);
    }

    /** The same ports, stamping audit events with {@code current}'s origin. */
    public GatekeyPorts withOrigins(AuditOrigins current) {
        return new GatekeyPorts(accounts, subAccounts, accessKeys, mfaDevices, usedTimeSteps, mfaFailures, temporaryCredentials, auditLog,
                requestNonces, consoleSessions, random, transactions, clock, telemetry, current);
    }
}
