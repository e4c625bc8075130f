package io.gatekey.application.embedded;

import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.application.port.out.SubAccountRepository;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.KeyUse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Long-term keys in memory; thread-safe. */
public final class InMemoryAccessKeyRepository implements AccessKeyRepository {

    private final ConcurrentHashMap<AccessKeyId, AccessKey> keys = new ConcurrentHashMap<>();
    private final SubAccountRepository owners;

    /** Keys of the sub accounts in {@code owners}. */
    public InMemoryAccessKeyRepository(SubAccountRepository owners) {
        this.owners = owners;
    }

    @Override
    public synchronized boolean addWithinLimit(AccessKey key, int limit) {
        if (listByOwner(key.owner()).stream().filter(AccessKey::active).count() >= limit) {
            return false;
        }
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalStateException("access key exists: " + key.id());
        }
        return true;
    }

    /** Atomic as the in-memory transactions run one at a time. */
    @Override
    public boolean holdsFewerThan(KeyOwner owner, int limit) {
        return listByOwner(owner).size() < limit;
    }

    @Override
    public Optional<AccessKey> find(AccessKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public Optional<OwnedKey> findWithOwner(AccessKeyId id) {
        return find(id).map(key -> new OwnedKey(key, key.owner().subAccountId().flatMap(owners::find)));
    }

    @Override
    public List<AccessKey> listByOwner(KeyOwner owner) {
        return keys.values().stream()
                .filter(key -> key.owner().equals(owner))
                .sorted(Comparator.comparing(AccessKey::createdAt).thenComparing(key -> key.id().value()))
                .toList();
    }

    @Override
    public synchronized boolean activateWithinLimit(AccessKeyId id, int limit) {
        AccessKey key = keys.get(id);
        if (key == null || key.active()) {
            return true;
        }
        if (listByOwner(key.owner()).stream().filter(AccessKey::active).count() >= limit) {
            return false;
        }
        keys.put(id, key.withActive(true));
        return true;
    }

    @Override
    public synchronized boolean deactivate(AccessKeyId id) {
        return keys.computeIfPresent(id, (k, key) -> key.withActive(false)) != null;
    }

    @Override
    public void recordUse(AccessKeyId id, KeyUse use) {
        keys.computeIfPresent(id, (k, key) -> key.used(key.lastUse().map(last -> last.orLater(use)).orElse(use)));
    }

    @Override
    public boolean delete(AccessKeyId id) {
        return keys.remove(id) != null;
    }
}
