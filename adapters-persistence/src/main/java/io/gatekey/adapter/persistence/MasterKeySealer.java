package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.SecretSealer;
import io.gatekey.domain.secret.AesGcmSealer;
import io.gatekey.domain.secret.MasterKey;
import io.gatekey.domain.secret.SealedSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation's sealer, under the master key versions it was given. Where they come from a key file, a stored value
 * sealed under a version this process does not know makes it read the file again and take what the file now holds, as a
 * restart would: {@code gatekey master-key rotate} run beside a serving node (the embedded default's server, or nodes
 * sharing one key file) re-seals rows under a version the node had never read. A version still unknown after that is
 * logged once: every secret under it is refused, so every key sealed under it signs nothing.
 */
final class MasterKeySealer implements SecretSealer {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeySealer.class);

    private final Optional<Path> file;
    private final int activeVersion;
    private final SecureRandom random;
    private final Set<Integer> toldMissing = ConcurrentHashMap.newKeySet();
    private volatile Ring ring;

    /** The keys in use, and the key file's modification time and size when they were read from it (empty: not known). */
    private record Ring(AesGcmSealer sealer, Set<Integer> versions, Optional<String> fileStamp) {
    }

    /** {@code activeVersion} 0: the highest version seals. */
    MasterKeySealer(MasterKeyRing keys, Optional<Path> file, int activeVersion, SecureRandom random) {
        this.file = file;
        this.activeVersion = activeVersion;
        this.random = random;
        this.ring = ring(keys, Optional.empty());
    }

    @Override
    public SealedSecret seal(byte[] plaintext, byte[] associatedData) {
        return ring.sealer().seal(plaintext, associatedData);
    }

    @Override
    public byte[] open(SealedSecret sealed, byte[] associatedData) {
        Ring current = ring;
        if (!current.versions().contains(sealed.keyVersion())) {
            current = learn(sealed.keyVersion());
        }
        return current.sealer().open(sealed, associatedData);
    }

    @Override
    public int currentKeyVersion() {
        return ring.sealer().currentVersion();
    }

    private synchronized Ring learn(int version) {
        if (file.isPresent() && !ring.versions().contains(version)) {
            Optional<String> stamp = stamp(file.get());
            if (stamp.isPresent() && !stamp.equals(ring.fileStamp())) {
                try {
                    ring = ring(MasterKeyFactory.readChecked(file.get()), stamp);
                    LOG.info("Read the master key file {} again, for a value sealed under version {}: it holds versions {}, version {} seals.",
                            file.get().toAbsolutePath().normalize(), version, ring.versions(), ring.sealer().currentVersion());
                } catch (RuntimeException e) {
                    ring = new Ring(ring.sealer(), ring.versions(), stamp);
                    LOG.warn("{} The versions read before, {}, stay in use.", e.getMessage(), ring.versions());
                }
            }
        }
        if (!ring.versions().contains(version) && toldMissing.add(version)) {
            LOG.error("Stored secrets are sealed under master key version {}, which this node does not have ({}): it refuses every one of them "
                    + "until it is given that version.", version,
                    file.map(f -> "the key file " + f.toAbsolutePath().normalize() + " holds " + ring.versions()).orElse("GATEKEY_MASTER_KEY holds " + ring.versions()));
        }
        return ring;
    }

    private Ring ring(MasterKeyRing keys, Optional<String> fileStamp) {
        Set<Integer> versions = new TreeSet<>();
        keys.keys().stream().map(MasterKey::version).forEach(versions::add);
        return new Ring(new AesGcmSealer(keys.keys(), activeVersion, random), Collections.unmodifiableSet(versions), fileStamp);
    }

    /** The file's modification time and size (an appended version changes both), or empty when it cannot be read. */
    private static Optional<String> stamp(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file) + "/" + Files.size(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
