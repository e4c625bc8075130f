package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.AccessKeyRepository;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.KeyUse;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.secret.SealedSecret;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Long-term keys in the database, their secrets sealed; found by primary key on every signed request. */
@Singleton
@StorageBoundary
class JdbcAccessKeyRepository implements AccessKeyRepository {

    static final String TABLE = "access_key";
    static final String SECRET = "secret";

    private final AccessKeyRows rows;
    private final Sealing sealing;
    private final KeyLastUses lastUses;
    private final ConnectionOperations<Connection> connections;

    JdbcAccessKeyRepository(AccessKeyRows rows, Sealing sealing, KeyLastUses lastUses, ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.sealing = sealing;
        this.lastUses = lastUses;
        this.connections = connections;
    }

    /**
     * Takes the lowest free numbered place of the owner's: the unique index on the place, not the list read before,
     * decides between racers (on one server the loser meets the key and tries the next place; on Galera it loses
     * certification and its transaction runs again).
     */
    @Override
    public boolean addWithinLimit(AccessKey key, int limit) {
        String subAccountId = key.owner().subAccountId().map(SubAccountId::value).orElse(null);
        SealedSecret secret = sealing.seal(TABLE, key.id().value(), SECRET, Sealing.owner(key.owner().accountId().value(), subAccountId),
                key.secret().bytes());
        return takePlace(ownerOf(key.owner().accountId().value(), subAccountId), limit, slot -> {
            rows.save(new AccessKeyRow(key.id().value(), key.owner().accountId().value(), subAccountId, secret.sealed(), secret.keyVersion(),
                    true, key.createdAt().toEpochMilli(), key.lastUsedAt().map(Instant::toEpochMilli).orElse(null), true, slot,
                    key.lastUsedWith().map(KeyUse.Where::service).orElse(null), key.lastUsedWith().flatMap(KeyUse.Where::region).orElse(null)));
            return true;
        });
    }

    private static String ownerOf(String accountId, String subAccountId) {
        return subAccountId == null ? "a:" + accountId : "s:" + subAccountId;
    }

    /**
     * Offers {@code take} the owner's free places, lowest first, until it takes one; a place another key took
     * meanwhile fails on the unique index and the next is tried.
     */
    private boolean takePlace(String owner, int limit, Predicate<String> take) {
        Set<String> taken = Set.copyOf(rows.listSlotsLike(owner + "/%"));
        for (int place = 1; place <= limit; place++) {
            String slot = owner + "/" + place;
            if (taken.contains(slot)) {
                continue;
            }
            try {
                if (take.test(slot)) {
                    return true;
                }
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
        return false;
    }

    /**
     * Writes the owner's row before counting its keys: a second transaction doing the same waits for the row (on
     * Galera, loses certification and runs again), and its count, its first read, comes after the first's end.
     */
    @Override
    public boolean holdsFewerThan(KeyOwner owner, int limit) {
        String account = owner.accountId().value();
        long held = owner.subAccountId().map(user -> {
            rows.claimUserKeys(user.value());
            return rows.countUserKeys(account, user.value());
        }).orElseGet(() -> {
            rows.claimAdminKeys(account);
            return rows.countAdminKeys(account);
        });
        return held < limit;
    }

    @Override
    public Optional<AccessKey> find(AccessKeyId id) {
        return rows.findById(id.value()).map(this::toDomain);
    }

    @Override
    public Optional<OwnedKey> findWithOwner(AccessKeyId id) {
        return connections.executeRead(status -> OwnedKeyRow.find(status.getConnection(), id.value()))
                .map(row -> new OwnedKey(toDomain(row.key()), Optional.ofNullable(row.owner()).map(JdbcSubAccountRepository::toDomain)));
    }

    @Override
    public List<AccessKey> listByOwner(KeyOwner owner) {
        List<AccessKeyRow> found = owner.subAccountId()
                .map(user -> rows.listUserKeys(owner.accountId().value(), user.value()))
                .orElseGet(() -> rows.listAdminKeys(owner.accountId().value()));
        return found.stream().map(this::toDomain).toList();
    }

    @Override
    public boolean activateWithinLimit(AccessKeyId id, int limit) {
        Optional<AccessKeyRow> row = rows.findById(id.value());
        if (row.isEmpty() || row.get().active()) {
            return true;
        }
        return takePlace(ownerOf(row.get().accountId(), row.get().subAccountId()), limit, slot -> rows.activateInSlot(id.value(), slot) == 1 || isActive(id));
    }

    private boolean isActive(AccessKeyId id) {
        return rows.findById(id.value()).map(AccessKeyRow::active).orElse(true);
    }

    @Override
    public boolean deactivate(AccessKeyId id) {
        return rows.deactivate(id.value()) == 1;
    }

    @Override
    @Shareable
    public void recordUse(AccessKeyId id, KeyUse use) {
        lastUses.record(id.value(), use);
    }

    @Override
    public boolean delete(AccessKeyId id) {
        return rows.deleteRow(id.value()) == 1;
    }

    static String owner(AccessKeyRow row) {
        return Sealing.owner(row.accountId(), row.subAccountId());
    }

    private AccessKey toDomain(AccessKeyRow row) {
        byte[] secret = sealing.open(TABLE, row.id(), SECRET, owner(row), row.ownerBound(), row.secretSealed(), row.keyVersion());
        KeyOwner owner = new KeyOwner(new AccountId(row.accountId()), Optional.ofNullable(row.subAccountId()).map(SubAccountId::new));
        return new AccessKey(new AccessKeyId(row.id()), owner, SecretKey.fromBytes(secret), row.active(),
                Instant.ofEpochMilli(row.createdMs()), lastUse(row));
    }

    private Optional<KeyUse> lastUse(AccessKeyRow row) {
        Optional<KeyUse> written = Optional.ofNullable(row.lastUsedMs()).map(ms -> new KeyUse(Instant.ofEpochMilli(ms),
                Optional.ofNullable(row.lastUsedService()).map(service -> new KeyUse.Where(service, Optional.ofNullable(row.lastUsedRegion())))));
        return lastUses.unwritten(row.id()).map(unwritten -> written.map(use -> use.orLater(unwritten)).orElse(unwritten)).or(() -> written);
    }
}
