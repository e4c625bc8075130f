package io.gatekey.application.embedded;

import io.gatekey.application.port.out.TemporaryCredentialRepository;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.CredentialOrigin;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Temporary credentials in memory; thread-safe. */
public final class InMemoryTemporaryCredentialRepository implements TemporaryCredentialRepository {

    private final ConcurrentHashMap<AccessKeyId, TemporaryCredential> credentials = new ConcurrentHashMap<>();

    @Override
    public void add(TemporaryCredential credential) {
        if (credentials.putIfAbsent(credential.accessKeyId(), credential) != null) {
            throw new IllegalStateException("temporary credential exists: " + credential.accessKeyId());
        }
    }

    @Override
    public Optional<TemporaryCredential> find(AccessKeyId id) {
        return Optional.ofNullable(credentials.get(id));
    }

    @Override
    public List<TemporaryCredential> listUnexpired(SubAccountId subAccountId, Instant now) {
        return credentials.values().stream()
                .filter(c -> c.subAccountId().equals(subAccountId) && !c.isExpired(now))
                .sorted(Comparator.comparing(TemporaryCredential::createdAt).reversed())
                .toList();
    }

    @Override
    public boolean revoke(AccessKeyId id) {
        return revokeWhere(c -> c.accessKeyId().equals(id)) == 1;
    }

    @Override
    public int revokeAllOf(SubAccountId subAccountId) {
        return revokeWhere(c -> c.subAccountId().equals(subAccountId));
    }

    @Override
    public int revokeAllFromDevice(MfaSerialNumber serialNumber) {
        return revokeWhere(c -> c.mfa().map(p -> p.serialNumber().equals(serialNumber)).orElse(false));
    }

    @Override
    public int revokeAllFromRootKey(AccessKeyId rootKey) {
        return revokeWhere(c -> c.origin().flatMap(CredentialOrigin::rootKey).map(rootKey::equals).orElse(false));
    }

    @Override
    public int purgeExpired(Instant cutoff, int batchSize) {
        List<AccessKeyId> expired = credentials.values().stream()
                .filter(c -> c.expiresAt().isBefore(cutoff))
                .limit(batchSize)
                .map(TemporaryCredential::accessKeyId)
                .toList();
        expired.forEach(credentials::remove);
        return expired.size();
    }

    private int revokeWhere(Predicate<TemporaryCredential> match) {
        int[] count = {0};
        credentials.replaceAll((id, c) -> {
            if (!c.revoked() && match.test(c)) {
                count[0]++;
                return c.revokedCopy();
            }
            return c;
        });
        return count[0];
    }
}
