package io.gatekey.adapter.persistence;

import java.nio.file.Path;

/** A process that rotates a key file again and again: {@code AppendKeyVersions FILE COUNT}. */
public final class AppendKeyVersions {

    private AppendKeyVersions() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            MasterKeyFile.appendNewVersion(Path.of(args[0]));
        }
    }
}
