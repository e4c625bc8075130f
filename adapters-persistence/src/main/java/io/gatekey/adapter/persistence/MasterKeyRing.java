package io.gatekey.adapter.persistence;

import io.gatekey.domain.secret.MasterKey;
import io.gatekey.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The master key versions an installation knows, parsed from {@code version:base64} entries (one per line or
 * comma-separated; a bare Base64 value is version 1). The highest version seals unless another is made active.
 */
public final class MasterKeyRing {

    private final List<MasterKey> keys;

    private MasterKeyRing(List<MasterKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public static MasterKeyRing parse(String text) {
        List<MasterKey> keys = new ArrayList<>();
        Set<Integer> versions = new TreeSet<>();
        for (String entry : text.split("[,\\n]")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            int version = 1;
            String base64 = trimmed;
            if (colon > 0) {
                try {
                    version = Integer.parseInt(trimmed.substring(0, colon));
                } catch (NumberFormatException e) {
                    throw new InvalidValueException("masterKey", "entries of the form version:base64");
                }
                base64 = trimmed.substring(colon + 1);
            }
            if (!versions.add(version)) {
                throw new InvalidValueException("masterKey", "version " + version + " appears twice");
            }
            keys.add(MasterKey.fromBase64(version, base64));
        }
        if (keys.isEmpty()) {
            throw new InvalidValueException("masterKey", "at least one key (Base64 of 32 random bytes)");
        }
        return new MasterKeyRing(keys);
    }

    public List<MasterKey> keys() {
        return keys;
    }

    public int highestVersion() {
        return keys.stream().mapToInt(MasterKey::version).max().orElseThrow();
    }
}
