package io.gatekey.application.service;

import io.gatekey.application.port.in.credential.DescribeCallerCredentialUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import io.gatekey.application.port.out.TemporaryCredentialRepository;
import io.gatekey.domain.access.AccessPolicy;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.credential.CredentialOrigin;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaProvenance;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.shared.NotFoundException;
import io.gatekey.domain.signature.RequestNonce;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Temporary credentials: issued after an optional MFA check, described to their holder, revoked. */
public final class CredentialService implements IssueTemporaryCredentialsUseCase, DescribeCallerCredentialUseCase,
        RevokeTemporaryCredentialsUseCase, ListTemporaryCredentialsUseCase {

    private final GatekeyPorts ports;
    private final TemporaryCredentialRepository credentials;
    private final Lookups lookups;
    private final NewSecrets newSecrets;
    private final MfaGate gate;
    private final Auditor auditor;

    private final AuthenticationService authentication;

    CredentialService(GatekeyPorts ports, GatekeySettings settings, AuthenticationService authentication) {
        this.ports = ports;
        this.authentication = authentication;
        this.credentials = ports.temporaryCredentials();
        this.lookups = new Lookups(ports);
        this.newSecrets = new NewSecrets(ports.random());
        this.gate = new MfaGate(ports, settings);
        this.auditor = new Auditor(ports);
    }

    @Override
    public Result issue(IssueTemporaryCredentialsUseCase.Command command) {
        Principal caller = command.caller();
        SubAccount user = recipientAccount(caller, recipient(command));
        AccessPolicy.requireMayGetCredentialsFor(caller, user.accountId(), user.id());
        AccessPolicy.requireMayMint(caller, command.mfa().isPresent());
        if (!user.active()) {
            throw new AccessDeniedException("the sub account is inactive");
        }
        if (caller instanceof Principal.ConsoleUser && command.mfa().isEmpty()
                && ports.mfaDevices().listBySubAccount(user.id()).stream().anyMatch(MfaDevice::isEnabled)) {
            // A session cookie is a bearer secret too: with a device at hand, minting keys from it takes a fresh code.
            throw new AccessDeniedException("the console issues credentials with a fresh code of the user's device");
        }
        // One transaction: the request's nonce (when authentication left it to us), the claimed step, the
        // credential and its audit record land together. A refused code returns normally, so its failure count and
        // audit record are kept. Counted once it has committed (a transaction that lost a conflict runs again whole).
        // The work adds rows and books the check on the device as read, which storage may commit together with
        // other issuances.
        Supplier<Result> work = () -> issueOnce(command, caller, user);
        Result result;
        try {
            result = ports.transactions().inSharedTransaction(work);
        } catch (RuntimeException e) {
            // Nothing was issued, yet the signature was presented: it stays used, as when authentication records it.
            command.nonce().ifPresent(this::recordNonceAfterFailure);
            throw e;
        }
        if (result instanceof Issued issued) {
            ports.telemetry().credentialsIssued(issued.credential().mfa().isPresent());
        } else if (result instanceof MfaRejected rejected) {
            ports.telemetry().mfaRefused(rejected.reason());
        }
        return result;
    }

    private void recordNonceAfterFailure(RequestNonce nonce) {
        try {
            authentication.recordNonce(nonce);
        } catch (RuntimeException storageStillFailing) {
            // The request failed for the same reason; the caller hears of that one.
        }
    }

    private Result issueOnce(IssueTemporaryCredentialsUseCase.Command command, Principal caller, SubAccount user) {
        if (command.nonce().isPresent() && !authentication.recordNonce(command.nonce().get())) {
            return new RequestReplayed();
        }
        Optional<MfaProvenance> provenance = Optional.empty();
        if (command.mfa().isPresent()) {
            MfaPresentation presented = command.mfa().get();
            Optional<MfaDevice> device = deviceFor(user, presented);
            if (device.isEmpty()) {
                auditor.record(AuditEventType.MFA_CHECK_FAILED, user.accountId(), user.id(), caller,
                        presented.serialNumber().map(Object::toString).orElse(user.id().value()), MfaCheck.Reason.NO_DEVICE.name());
                return new MfaRejected(MfaCheck.Reason.NO_DEVICE);
            }
            MfaCheck check = gate.verifyHeld(caller, device.get(), presented.code());
            if (check instanceof MfaCheck.Rejected rejected) {
                return new MfaRejected(rejected.reason());
            }
            provenance = Optional.of(new MfaProvenance(device.get().serialNumber(), ((MfaCheck.Accepted) check).step(),
                    ports.clock().instant()));
        }
        Instant now = ports.clock().instant();
        TemporaryCredential credential = newSecrets.temporaryCredential(user.accountId(), user.id(), now, command.lifetime(), provenance,
                originOf(caller), command.tokenBound());
        credentials.add(credential);
        auditor.record(AuditEventType.CREDENTIALS_ISSUED, user.accountId(), user.id(), caller, credential.accessKeyId(),
                "lifetime " + command.lifetime().toSeconds() + "s, mfa " + provenance.map(p -> p.serialNumber().value()).orElse("none"));
        return new Issued(credential);
    }

    /**
     * A user issuing for itself is the sub account its request was just authenticated as: authentication's cached
     * read (as fresh as the key cache, which decides whether the request signs at all) saves a round trip.
     */
    private SubAccount recipientAccount(Principal caller, SubAccountId recipient) {
        if (caller instanceof Principal.SubAccountUser user && user.subAccountId().equals(recipient)) {
            return authentication.callerSubAccount(caller).orElseThrow();
        }
        return lookups.subAccount(caller, recipient);
    }

    /** The key behind the request, so the new credential dies with it; the operator's credentials have none. */
    private static Optional<CredentialOrigin> originOf(Principal caller) {
        if (caller instanceof Principal.SubAccountUser user) {
            return Optional.of(new CredentialOrigin(user.accessKeyId(), user.rootKey()));
        }
        return Optional.empty();
    }

    private static SubAccountId recipient(IssueTemporaryCredentialsUseCase.Command command) {
        if (command.caller() instanceof Principal.SubAccountUser user) {
            if (command.subAccountId().isPresent() && !command.subAccountId().get().equals(user.subAccountId())) {
                throw new AccessDeniedException("temporary credentials are issued to a sub account for itself");
            }
            return user.subAccountId();
        }
        if (command.caller() instanceof Principal.ConsoleUser user) {
            return user.subAccountId();
        }
        if (command.caller() instanceof Principal.AccountAdmin) {
            throw new AccessDeniedException("temporary credentials are issued to a sub account for itself");
        }
        return command.subAccountId().orElseThrow(() -> new InvalidValueException("subAccountId", "required for the operator"));
    }

    /**
     * The named device if it is the user's, else the user's single enabled device of the presented type; held for
     * the rest of the transaction, so the check reads its lock and count exactly.
     */
    private Optional<MfaDevice> deviceFor(SubAccount user, MfaPresentation presented) {
        Optional<MfaSerialNumber> serialNumber = presented.serialNumber();
        if (serialNumber.isEmpty()) {
            List<MfaDevice> enabled = ports.mfaDevices().listBySubAccount(user.id()).stream()
                    .filter(device -> device.type() == presented.type() && device.isEnabled())
                    .toList();
            serialNumber = enabled.size() == 1 ? Optional.of(enabled.get(0).serialNumber()) : Optional.empty();
        }
        return serialNumber.flatMap(ports.mfaDevices()::findForUpdate).filter(device -> device.subAccountId().equals(user.id()));
    }

    @Override
    public CallerCredential describe(Principal caller) {
        if (caller instanceof Principal.SubAccountUser user && user.temporary()) {
            return credentials.find(user.accessKeyId())
                    .filter(credential -> credential.usableAt(ports.clock().instant()))
                    .<CallerCredential>map(Temporary::new)
                    .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.TEMPORARY_CREDENTIAL, user.accessKeyId().value()));
        }
        // The caller's own long-term key, as authenticating this very request read it: no second read.
        if (caller instanceof Principal.SubAccountUser user) {
            return new LongTerm(ownKey(caller, user.accessKeyId()));
        }
        if (caller instanceof Principal.AccountAdmin admin) {
            return new LongTerm(ownKey(caller, admin.accessKeyId()));
        }
        throw new AccessDeniedException(caller instanceof Principal.Operator ? "the operator signs with no key" : "a console session signs with no key");
    }

    @Override
    public Optional<LongTerm> describeFromMemory(Principal caller) {
        AccessKeyId id;
        if (caller instanceof Principal.SubAccountUser user && !user.temporary()) {
            id = user.accessKeyId();
        } else if (caller instanceof Principal.AccountAdmin admin) {
            id = admin.accessKeyId();
        } else {
            return Optional.empty();
        }
        return authentication.accessKeyInMemory(id).filter(key -> heldBy(caller, key)).map(LongTerm::new);
    }

    private AccessKey ownKey(Principal caller, AccessKeyId id) {
        return authentication.cachedAccessKey(id)
                .filter(key -> heldBy(caller, key))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.ACCESS_KEY, id.value()));
    }

    /** Whether the key belongs to the caller's account (the operator's requests carry no key). */
    private static boolean heldBy(Principal caller, AccessKey key) {
        return caller.account().map(key.owner().accountId()::equals).orElse(false);
    }

    @Override
    public int revoke(RevokeTemporaryCredentialsUseCase.Command command) {
        Principal caller = command.caller();
        RevokeTemporaryCredentialsUseCase.Scope scope = command.scope();
        return ports.transactions().inTransaction(() -> {
            AccountId account;
            SubAccountId user;
            String subject;
            int revoked;
            if (scope instanceof One one) {
                TemporaryCredential credential = credentials.find(one.accessKeyId())
                        .filter(c -> caller.account().map(c.accountId()::equals).orElse(true))
                        .orElseThrow(() -> new NotFoundException(NotFoundException.Missing.TEMPORARY_CREDENTIAL, one.accessKeyId().value()));
                AccessPolicy.requireSelfOrAdmin(caller, credential.accountId(), credential.subAccountId());
                account = credential.accountId();
                user = credential.subAccountId();
                subject = credential.accessKeyId().value();
                revoked = (credentials.revoke(credential.accessKeyId()) ? 1 : 0) + revokeDescendants(user, Set.of(credential.accessKeyId()));
            } else if (scope instanceof AllOfSubAccount all) {
                SubAccount holder = lookups.subAccount(caller, all.subAccountId());
                AccessPolicy.requireSelfOrAdmin(caller, holder.accountId(), holder.id());
                account = holder.accountId();
                user = holder.id();
                subject = holder.id().value();
                revoked = credentials.revokeAllOf(holder.id());
            } else {
                AllFromDevice fromDevice = (AllFromDevice) scope;
                MfaDevice device = lookups.mfaDevice(caller, fromDevice.serialNumber());
                AccessPolicy.requireSelfOrAdmin(caller, device.accountId(), device.subAccountId());
                account = device.accountId();
                user = device.subAccountId();
                subject = device.serialNumber().value();
                Set<AccessKeyId> minted = credentials.listUnexpired(user, ports.clock().instant()).stream()
                        .filter(c -> c.mfa().map(p -> p.serialNumber().equals(device.serialNumber())).orElse(false))
                        .map(TemporaryCredential::accessKeyId)
                        .collect(Collectors.toSet());
                revoked = credentials.revokeAllFromDevice(device.serialNumber()) + revokeDescendants(user, minted);
            }
            auditor.record(AuditEventType.CREDENTIALS_REVOKED, account, user, caller, subject, revoked + " revoked");
            return revoked;
        });
    }

    /**
     * Revokes what was minted, directly or down a chain, with the given credentials: a credential never outlives
     * the one that made it. Every credential of a chain belongs to the same user.
     */
    private int revokeDescendants(SubAccountId user, Set<AccessKeyId> parents) {
        List<TemporaryCredential> live = credentials.listUnexpired(user, ports.clock().instant());
        Set<AccessKeyId> dead = new HashSet<>(parents);
        int revoked = 0;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TemporaryCredential credential : live) {
                boolean fromDead = credential.origin().map(o -> dead.contains(o.mintedBy())).orElse(false);
                if (fromDead && dead.add(credential.accessKeyId())) {
                    grew = true;
                    if (credentials.revoke(credential.accessKeyId())) {
                        revoked++;
                    }
                }
            }
        }
        return revoked;
    }

    @Override
    public List<TemporaryCredential> list(ListTemporaryCredentialsUseCase.Query query) {
        SubAccount user = lookups.subAccount(query.caller(), query.subAccountId());
        AccessPolicy.requireSelfOrAdmin(query.caller(), user.accountId(), user.id());
        return credentials.listUnexpired(user.id(), ports.clock().instant());
    }
}
