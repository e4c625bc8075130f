package io.gatekey.application.service;

import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ImportHardwareTokenUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.port.in.mfa.ResetMfaDriftUseCase;
import io.gatekey.application.port.in.mfa.ResyncMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.UnlockMfaDeviceUseCase;
import io.gatekey.application.port.out.MfaDeviceRepository;
import io.gatekey.domain.access.AccessPolicy;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.mfa.OtpAuthUri;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The life of virtual MFA devices: create, enable with two codes, resync, disable, delete, list, unlock. */
public final class MfaDeviceService implements CreateMfaDeviceUseCase, ImportHardwareTokenUseCase, EnableMfaDeviceUseCase, ResyncMfaDeviceUseCase,
        DisableMfaDeviceUseCase, DeleteMfaDeviceUseCase, ListMfaDevicesUseCase, UnlockMfaDeviceUseCase, ResetMfaDriftUseCase {

    private final GatekeyPorts ports;
    private final GatekeySettings settings;
    private final MfaDeviceRepository devices;
    private final Lookups lookups;
    private final NewSecrets newSecrets;
    private final MfaGate gate;
    private final Auditor auditor;

    public MfaDeviceService(GatekeyPorts ports, GatekeySettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.devices = ports.mfaDevices();
        this.lookups = new Lookups(ports);
        this.newSecrets = new NewSecrets(ports.random());
        this.gate = new MfaGate(ports, settings);
        this.auditor = new Auditor(ports);
    }

    @Override
    public CreatedMfaDevice create(CreateMfaDeviceUseCase.Command command) {
        SubAccount user = lookups.subAccount(command.caller(), command.subAccountId());
        requireProof(command.caller(), user.accountId(), user.id());
        MfaDevice device = register(command.caller(), user, command.name(), MfaDeviceType.VIRTUAL, newSecrets.totpSeed(), TotpParameters.DEFAULT);
        String uri = OtpAuthUri.of(settings.otpIssuer(), otpLabel(user, lookups.account(command.caller(), user.accountId())), device.seed(),
                device.parameters());
        return new CreatedMfaDevice(device, device.seed().toBase32(), uri);
    }

    /**
     * The user's login id at its account, as AWS labels a device: the account's login alias, or its id before it has
     * one. Users of one login id in two accounts then stay apart in an authenticator app.
     */
    private static String otpLabel(SubAccount user, Account account) {
        return user.name().value() + "@" + account.loginAlias().map(LoginAlias::value).orElse(account.id().value());
    }

    @Override
    public MfaDevice importToken(ImportHardwareTokenUseCase.Command command) {
        SubAccount user = lookups.subAccount(command.caller(), command.subAccountId());
        AccessPolicy.requireAccountManagement(command.caller(), user.accountId());
        return register(command.caller(), user, command.name(), MfaDeviceType.HARDWARE, command.seed(), command.parameters());
    }

    /** A user holds at most one device of each type, so a code can name its device by type alone. */
    private MfaDevice register(Principal caller, SubAccount user, MfaDeviceName name, MfaDeviceType type, TotpSeed seed,
                               TotpParameters parameters) {
        return ports.transactions().inTransaction(() -> {
            if (devices.listBySubAccount(user.id()).stream().anyMatch(d -> d.type() == type)) {
                throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_LIMIT);
            }
            MfaDevice device = MfaDevice.create(user.accountId(), user.id(), name, type, seed, parameters, ports.clock().instant());
            devices.add(device);
            auditor.record(AuditEventType.MFA_DEVICE_CREATED, user.accountId(), user.id(), caller, device.serialNumber(), type.name().toLowerCase(Locale.ROOT));
            return device;
        });
    }

    @Override
    public MfaCheck enable(EnableMfaDeviceUseCase.Command command) {
        MfaDevice device = lookups.mfaDeviceOf(command.caller(), command.subAccountId(), command.serialNumber());
        if (device.isEnabled()) {
            throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_ALREADY_ENABLED);
        }
        requireProof(command.caller(), device.accountId(), device.subAccountId());
        return counted(ports.transactions().inTransaction(() -> {
            Instant now = ports.clock().instant();
            MfaCheck check = gate.checkForEnabling(command.caller(), device, command.firstCode(), command.secondCode());
            if (check instanceof MfaCheck.Rejected) {
                return check;
            }
            MfaCheck.Accepted accepted = (MfaCheck.Accepted) check;
            int drift = MfaDevice.driftOf(accepted);
            if (!devices.markEnabled(device.serialNumber(), accepted.step(), drift, now)) {
                throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_ALREADY_ENABLED);
            }
            auditor.record(AuditEventType.MFA_DEVICE_ENABLED, device.accountId(), device.subAccountId(), command.caller(), device.serialNumber(),
                    "drift " + drift);
            return check;
        }));
    }

    /** A refused pair of codes is counted once its transaction has committed. */
    private MfaCheck counted(MfaCheck check) {
        if (check instanceof MfaCheck.Rejected rejected) {
            ports.telemetry().mfaRefused(rejected.reason());
        }
        return check;
    }

    @Override
    public MfaCheck resync(ResyncMfaDeviceUseCase.Command command) {
        MfaDevice device = lookups.mfaDeviceOf(command.caller(), command.subAccountId(), command.serialNumber());
        if (!device.isEnabled()) {
            throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_NOT_ENABLED);
        }
        return counted(ports.transactions().inTransaction(() -> {
            MfaCheck check = gate.verifyConsecutive(command.caller(), device, command.firstCode(), command.secondCode());
            if (check instanceof MfaCheck.Accepted accepted) {
                int drift = MfaDevice.driftOf(accepted);
                devices.setDrift(device.serialNumber(), drift);
                auditor.record(AuditEventType.MFA_DEVICE_RESYNCED, device.accountId(), device.subAccountId(), command.caller(), device.serialNumber(),
                        "drift " + drift);
            }
            return check;
        }));
    }

    @Override
    public void disable(DisableMfaDeviceUseCase.Command command) {
        MfaDevice device = lookups.mfaDeviceOf(command.caller(), command.subAccountId(), command.serialNumber());
        String proof = requireProof(command.caller(), device.accountId(), device.subAccountId());
        ports.transactions().inTransaction(() -> {
            if (!devices.markDisabled(device.serialNumber())) {
                throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_NOT_ENABLED);
            }
            auditor.record(AuditEventType.MFA_DEVICE_DISABLED, device.accountId(), device.subAccountId(), command.caller(), device.serialNumber(), proof);
            return null;
        });
    }

    @Override
    public void delete(DeleteMfaDeviceUseCase.Command command) {
        MfaDevice device = lookups.mfaDeviceOf(command.caller(), command.subAccountId(), command.serialNumber());
        if (device.isEnabled()) {
            throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_ENABLED);
        }
        String proof = requireProof(command.caller(), device.accountId(), device.subAccountId());
        ports.transactions().inTransaction(() -> {
            // Conditional: a device enabled or deleted meanwhile (on another node, say) is not deleted here.
            if (!devices.deleteUnlessEnabled(device.serialNumber())) {
                if (devices.find(device.serialNumber()).isPresent()) {
                    throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_ENABLED);
                }
                throw new NotFoundException(NotFoundException.Missing.MFA_DEVICE, device.serialNumber().value());
            }
            auditor.record(AuditEventType.MFA_DEVICE_DELETED, device.accountId(), device.subAccountId(), command.caller(), device.serialNumber(), proof);
            return null;
        });
    }

    @Override
    public Page list(ListMfaDevicesUseCase.Query query) {
        lookups.account(query.caller(), query.accountId());
        if (query.subAccountId().isPresent()) {
            SubAccount user = lookups.subAccount(query.caller(), query.subAccountId().get());
            AccessPolicy.requireSelfOrAdmin(query.caller(), user.accountId(), user.id());
        } else {
            AccessPolicy.requireAccountManagement(query.caller(), query.accountId());
        }
        List<MfaDevice> found = devices.page(query.accountId(), query.subAccountId(), query.marker(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new Page(found, Optional.empty());
        }
        List<MfaDevice> page = found.subList(0, query.limit());
        return new Page(page, Optional.of(page.get(page.size() - 1).serialNumber()));
    }

    @Override
    public void unlock(UnlockMfaDeviceUseCase.Command command) {
        MfaDevice device = administered(command.caller(), command.serialNumber());
        ports.transactions().inTransaction(() -> {
            ports.mfaFailures().unlock(device.serialNumber());
            auditor.record(AuditEventType.MFA_DEVICE_UNLOCKED, device.accountId(), device.subAccountId(), command.caller(), device.serialNumber(), "");
            return null;
        });
    }

    @Override
    public void resetDrift(ResetMfaDriftUseCase.Command command) {
        MfaDevice device = administered(command.caller(), command.serialNumber());
        ports.transactions().inTransaction(() -> {
            devices.setDrift(device.serialNumber(), 0);
            auditor.record(AuditEventType.MFA_DRIFT_RESET, device.accountId(), device.subAccountId(), command.caller(), device.serialNumber(),
                    "was " + device.driftSteps());
            return null;
        });
    }

    /**
     * MFA guards its own removal (see {@link AccessPolicy#requireMfaProof}); returns how the change was allowed,
     * for the audit record.
     */
    private String requireProof(Principal caller, AccountId account, SubAccountId user) {
        Set<MfaSerialNumber> enabled = devices.listBySubAccount(user).stream()
                .filter(MfaDevice::isEnabled)
                .map(MfaDevice::serialNumber)
                .collect(Collectors.toSet());
        AccessPolicy.requireMfaProof(caller, account, user, enabled, ports.clock().instant(), settings.mfaMaxAge());
        if (AccessPolicy.mayManageAccount(caller, account)) {
            return "by " + (caller instanceof Principal.Operator ? "the operator" : "the account's admin");
        }
        return enabled.isEmpty() ? "no enabled device" : "mfa proof " + caller.mfaProof().orElseThrow().serialNumber();
    }

    private MfaDevice administered(Principal caller, MfaSerialNumber serial) {
        MfaDevice device = lookups.mfaDevice(caller, serial);
        AccessPolicy.requireAccountManagement(caller, device.accountId());
        return device;
    }
}
