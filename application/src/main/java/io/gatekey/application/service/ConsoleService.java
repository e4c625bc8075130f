package io.gatekey.application.service;

import io.gatekey.application.port.in.console.ChangeConsolePasswordUseCase;
import io.gatekey.application.port.in.console.ConfirmConsoleCodeUseCase;
import io.gatekey.application.port.in.console.ConsoleStep;
import io.gatekey.application.port.in.console.EnrolConsoleDeviceUseCase;
import io.gatekey.application.port.in.console.ResumeConsoleSessionUseCase;
import io.gatekey.application.port.in.console.SignInToConsoleUseCase;
import io.gatekey.application.port.in.console.SignOutOfConsoleUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.out.ConsoleSessionRepository;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.application.port.out.Telemetry;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.account.PasswordHash;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionToken;
import io.gatekey.domain.console.SignInStage;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaProvenance;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The console's sign-in and sessions: password, then the steps the user's settings call for (a one-time code, a
 * new password, a first device), each under a new session token; sessions live in storage, so every node sees
 * them, and end at their idle or absolute timeout, at sign-out, or when the user loses console access.
 */
final class ConsoleService implements SignInToConsoleUseCase, ResumeConsoleSessionUseCase, ConfirmConsoleCodeUseCase,
        ChangeConsolePasswordUseCase, EnrolConsoleDeviceUseCase, SignOutOfConsoleUseCase {

    private static final String SESSION_ENDED = "the console session has ended; sign in again";

    private final GatekeyPorts ports;
    private final GatekeySettings settings;
    private final ConsoleSessionRepository sessions;
    private final SubAccountRepository subAccounts;
    private final MfaGate gate;
    private final Auditor auditor;
    private final MfaDeviceService devices;
    private volatile PasswordHash decoy;

    ConsoleService(GatekeyPorts ports, GatekeySettings settings, MfaDeviceService devices) {
        this.ports = ports;
        this.settings = settings;
        this.sessions = ports.consoleSessions();
        this.subAccounts = ports.subAccounts();
        this.gate = new MfaGate(ports, settings);
        this.auditor = new Auditor(ports);
        this.devices = devices;
    }

    @Override
    public Result signIn(SignInToConsoleUseCase.Command command) {
        // Made on the node's first sign-in whoever signs in, so that one is not slower only for a missing user.
        PasswordHash stand = decoy();
        Optional<SubAccount> user = parse(() -> new LoginAlias(command.loginAlias()))
                .flatMap(ports.accounts()::findByLoginAlias)
                .flatMap(account -> parse(() -> new SubAccountName(command.loginId()))
                        .flatMap(loginId -> subAccounts.findByLoginId(account.id(), loginId)));
        Optional<PasswordHash> hash = user.flatMap(found -> subAccounts.passwordHash(found.id()));
        Instant now = ports.clock().instant();
        Optional<String> barred = user.flatMap(found -> barred(found, hash, command));
        boolean reserved = user.isPresent() && barred.isEmpty() && subAccounts.reserveSignInAttempt(user.get().id(), now, settings.lockout());
        // The same Argon2id work on every path, so how long a refusal takes tells nothing about who exists.
        boolean matches = hash.orElse(stand).matches(command.password()) && hash.isPresent();
        if (user.isEmpty()) {
            ports.telemetry().consoleSignIn(Telemetry.SignIn.REFUSED);
            return new Refused();
        }
        SubAccount found = user.get();
        Principal.ConsoleUser caller = new Principal.ConsoleUser(found.accountId(), found.id(), Optional.empty());
        if (!reserved) {
            ports.transactions().inTransaction(() -> {
                auditor.record(barred.isPresent() ? AuditEventType.CONSOLE_SIGN_IN_FAILED : AuditEventType.CONSOLE_SIGN_IN_LOCKED,
                        found.accountId(), found.id(), caller, found.id(), barred.orElse("sign-in locked"));
                return null;
            });
            ports.telemetry().consoleSignIn(barred.isPresent() ? Telemetry.SignIn.REFUSED : Telemetry.SignIn.LOCKED);
            return new Refused();
        }
        if (!matches) {
            ports.transactions().inTransaction(() -> {
                auditor.record(AuditEventType.CONSOLE_SIGN_IN_FAILED, found.accountId(), found.id(), caller, found.id(), "wrong password");
                subAccounts.settleSignInFailure(found.id(), now, settings.lockout()).ifPresent(until -> {
                    auditor.record(AuditEventType.CONSOLE_SIGN_IN_LOCKED, found.accountId(), found.id(), caller, found.id(), "locked until " + until);
                    ports.transactions().afterCommit(() -> ports.telemetry().consoleSignIn(Telemetry.SignIn.LOCKOUT_STARTED));
                });
                return null;
            });
            ports.telemetry().consoleSignIn(Telemetry.SignIn.REFUSED);
            return new Refused();
        }
        // A hash made with a lower cost than today's is made again now, while the password is at hand.
        Optional<PasswordHash> raised = hash.filter(old -> !old.isCurrent())
                .flatMap(old -> parse(() -> ConsolePassword.of(command.password())))
                .map(password -> PasswordHash.of(password, ports.random().bytes(16)));
        return ports.transactions().inTransaction(() -> {
            subAccounts.clearSignInFailures(found.id());
            raised.ifPresent(fresh -> subAccounts.setPassword(found.id(), fresh, found.profile().needPasswordReset(), now));
            SignInStage stage = stageAfter(-1, found, hasEnabledDevice(found));
            ConsoleSessionToken token = newToken();
            ConsoleSession session = new ConsoleSession(token.key(), found.accountId(), found.id(), stage, newCsrfToken(), now, now, Optional.empty());
            sessions.add(session);
            reached(session, found);
            ports.transactions().afterCommit(() -> ports.telemetry().consoleSignIn(Telemetry.SignIn.ACCEPTED));
            return new Begun(token, session);
        });
    }

    /** Why a user may not sign in at all, whatever the password: what its audit record says. */
    private static Optional<String> barred(SubAccount user, Optional<PasswordHash> hash, SignInToConsoleUseCase.Command command) {
        if (!user.active()) {
            return Optional.of("inactive");
        }
        if (!user.profile().canConsoleAccess()) {
            return Optional.of("no console access");
        }
        if (hash.isEmpty()) {
            return Optional.of("no password set");
        }
        if (!user.profile().allowsConsoleFrom(command.source())) {
            return Optional.of("address not permitted: " + command.source().map(a -> a.getHostAddress()).orElse("unknown"));
        }
        return Optional.empty();
    }

    private PasswordHash decoy() {
        PasswordHash known = decoy;
        if (known == null) {
            known = PasswordHash.of(ConsolePassword.generate(ports.random().bytes(16)), ports.random().bytes(16));
            decoy = known;
        }
        return known;
    }

    private static <T> Optional<T> parse(java.util.function.Supplier<T> value) {
        try {
            return Optional.of(value.get());
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<ConsoleSession> resume(ConsoleSessionToken token) {
        Instant now = ports.clock().instant();
        Optional<ConsoleSession> found = sessions.find(token.key());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsoleSession session = found.get();
        boolean userMaySignIn = subAccounts.find(session.subAccountId())
                .filter(user -> user.active() && user.profile().canConsoleAccess())
                .isPresent();
        if (!session.liveAt(now, settings.consoleSessions()) || !userMaySignIn) {
            sessions.delete(session.key());
            return Optional.empty();
        }
        if (!sessions.touch(session.key(), now)) {
            return Optional.empty();
        }
        return Optional.of(session.seenAt(now));
    }

    @Override
    public ConsoleStep.Outcome confirm(ConfirmConsoleCodeUseCase.Command command) {
        ConsoleSession session = command.session();
        if (session.stage() != SignInStage.CODE && session.stage() != SignInStage.SIGNED_IN) {
            throw new AccessDeniedException("no code is asked at this step");
        }
        SubAccount user = user(session);
        Principal caller = session.principal();
        List<MfaDevice> enabled = ports.mfaDevices().listBySubAccount(user.id()).stream()
                .filter(MfaDevice::isEnabled)
                .sorted(Comparator.comparing(MfaDevice::type))
                .toList();
        Optional<MfaDevice> device = command.serialNumber().isPresent()
                ? enabled.stream().filter(d -> d.serialNumber().equals(command.serialNumber().get())).findFirst()
                : enabled.stream().findFirst();
        ConsoleStep.Outcome step = ports.transactions().inTransaction(() -> {
            if (device.isEmpty()) {
                auditor.record(AuditEventType.MFA_CHECK_FAILED, user.accountId(), user.id(), caller, user.id().value(), MfaCheck.Reason.NO_DEVICE.name());
                return new ConsoleStep.Refused(MfaCheck.Reason.NO_DEVICE);
            }
            MfaCheck check = gate.verify(caller, device.get(), command.code());
            if (check instanceof MfaCheck.Rejected rejected) {
                return new ConsoleStep.Refused(rejected.reason());
            }
            MfaProvenance proof = new MfaProvenance(device.get().serialNumber(), ((MfaCheck.Accepted) check).step(), ports.clock().instant());
            SignInStage next = session.stage() == SignInStage.CODE ? stageAfter(SignInStage.CODE.ordinal(), user, true) : SignInStage.SIGNED_IN;
            return advance(session, user, next, Optional.of(proof));
        });
        if (step instanceof ConsoleStep.Refused refused) {
            ports.telemetry().mfaRefused(refused.reason());
        }
        return step;
    }

    @Override
    public ConsoleStep.Advanced change(ChangeConsolePasswordUseCase.Command command) {
        ConsoleSession session = command.session();
        requireStage(session, SignInStage.NEW_PASSWORD);
        SubAccount user = user(session);
        PasswordHash current = subAccounts.passwordHash(user.id()).orElseThrow(() -> new AccessDeniedException(SESSION_ENDED));
        if (current.matches(command.newPassword().reveal())) {
            throw new InvalidValueException("password", "a new password, not the current one");
        }
        PasswordHash hash = PasswordHash.of(command.newPassword(), ports.random().bytes(16));
        return ports.transactions().inTransaction(() -> {
            Instant now = ports.clock().instant();
            subAccounts.setPassword(user.id(), hash, false, now);
            if (!sessions.delete(session.key())) {
                throw new AccessDeniedException(SESSION_ENDED);
            }
            // The old password may be known to someone else: whatever it opened elsewhere closes now.
            int ended = sessions.deleteAllOf(user.id());
            SubAccount changed = user.withProfile(user.profile().withNeedPasswordReset(false), now);
            auditor.record(AuditEventType.CONSOLE_PASSWORD_CHANGED, user.accountId(), user.id(), session.principal(), user.id(),
                    "ended " + ended + " other sessions");
            ConsoleSessionToken token = newToken();
            SignInStage stage = stageAfter(SignInStage.NEW_PASSWORD.ordinal(), changed, hasEnabledDevice(changed));
            ConsoleSession next = session.advancedTo(token.key(), newCsrfToken(), stage, now, Optional.empty());
            sessions.add(next);
            reached(next, changed);
            return new ConsoleStep.Advanced(token, next);
        });
    }

    @Override
    public CreateMfaDeviceUseCase.CreatedMfaDevice begin(ConsoleSession session) {
        requireEnrolling(session);
        SubAccount user = user(session);
        Principal caller = session.principal();
        // A device left unfinished had its seed shown already, maybe to someone else: it goes, and a new seed comes.
        ports.mfaDevices().listBySubAccount(user.id()).stream()
                .filter(device -> device.type() == MfaDeviceType.VIRTUAL && !device.isEnabled())
                .forEach(device -> devices.delete(new DeleteMfaDeviceUseCase.Command(caller, user.id(), device.serialNumber())));
        return devices.create(new CreateMfaDeviceUseCase.Command(caller, user.id(), new MfaDeviceName("console-" + user.number())));
    }

    @Override
    public ConsoleStep.Outcome finish(Finish command) {
        ConsoleSession session = command.session();
        requireEnrolling(session);
        SubAccount user = user(session);
        MfaCheck check = devices.enable(new EnableMfaDeviceUseCase.Command(session.principal(), user.id(), command.serialNumber(),
                command.firstCode(), command.secondCode()));
        if (check instanceof MfaCheck.Rejected rejected) {
            return new ConsoleStep.Refused(rejected.reason());
        }
        MfaProvenance proof = new MfaProvenance(command.serialNumber(), ((MfaCheck.Accepted) check).step(), ports.clock().instant());
        SignInStage next = session.stage() == SignInStage.ENROL ? stageAfter(SignInStage.ENROL.ordinal(), user, true) : SignInStage.SIGNED_IN;
        return ports.transactions().inTransaction(() -> advance(session, user, next, Optional.of(proof)));
    }

    @Override
    public void signOut(ConsoleSession session) {
        ports.transactions().inTransaction(() -> {
            if (sessions.delete(session.key())) {
                auditor.record(AuditEventType.CONSOLE_SIGNED_OUT, session.accountId(), session.subAccountId(), session.principal(),
                        session.subAccountId(), "");
            }
            return null;
        });
    }

    /** In the caller's transaction: the session's next step under a new token; the old token stops working. */
    private ConsoleStep.Advanced advance(ConsoleSession session, SubAccount user, SignInStage next, Optional<MfaProvenance> proof) {
        ConsoleSessionToken token = newToken();
        ConsoleSession advanced = session.advancedTo(token.key(), newCsrfToken(), next, ports.clock().instant(), proof);
        if (!sessions.replace(session.key(), advanced)) {
            throw new AccessDeniedException(SESSION_ENDED);
        }
        if (session.stage() != SignInStage.SIGNED_IN) {
            reached(advanced, user);
        }
        return new ConsoleStep.Advanced(token, advanced);
    }

    /** A sign-in that reached the console is the user's last login, and an audit record. */
    private void reached(ConsoleSession session, SubAccount user) {
        if (session.stage() == SignInStage.SIGNED_IN) {
            subAccounts.recordLogin(user.id(), session.lastSeenAt());
            auditor.record(AuditEventType.CONSOLE_SIGNED_IN, user.accountId(), user.id(), session.principal(), user.id(),
                    session.mfa().map(p -> "mfa " + p.serialNumber()).orElse("password only"));
        }
    }

    /**
     * The first step after {@code passedOrdinal} (-1: after the password) that the user's settings call for: a code
     * when it has an enabled device, a new password when one is due, a first device when MFA is mandatory.
     */
    private static SignInStage stageAfter(int passedOrdinal, SubAccount user, boolean hasDevice) {
        for (SignInStage stage : SignInStage.values()) {
            if (stage.ordinal() <= passedOrdinal) {
                continue;
            }
            boolean due = switch (stage) {
                case CODE -> hasDevice;
                case NEW_PASSWORD -> user.profile().needPasswordReset();
                case ENROL -> user.profile().mfaMandatory() && !hasDevice;
                case SIGNED_IN -> true;
            };
            if (due) {
                return stage;
            }
        }
        return SignInStage.SIGNED_IN;
    }

    private boolean hasEnabledDevice(SubAccount user) {
        return ports.mfaDevices().listBySubAccount(user.id()).stream().anyMatch(MfaDevice::isEnabled);
    }

    private SubAccount user(ConsoleSession session) {
        return subAccounts.find(session.subAccountId()).orElseThrow(() -> new AccessDeniedException(SESSION_ENDED));
    }

    private static void requireEnrolling(ConsoleSession session) {
        if (session.stage() != SignInStage.ENROL && session.stage() != SignInStage.SIGNED_IN) {
            throw new AccessDeniedException("this step is not the one the sign-in is at");
        }
    }

    private static void requireStage(ConsoleSession session, SignInStage stage) {
        if (session.stage() != stage) {
            throw new AccessDeniedException("this step is not the one the sign-in is at");
        }
    }

    private ConsoleSessionToken newToken() {
        return ConsoleSessionToken.of(ports.random().bytes(32));
    }

    private String newCsrfToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ports.random().bytes(32));
    }
}
