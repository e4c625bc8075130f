package io.gatekey.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the packaged {@code gatekey} jar with every entry stored instead of deflated: a start reads some 5,000
 * classes out of the jar (an operator command) or more (the server), and inflating them took about a tenth of a
 * command's start-up on the 2-core reference machine. The price is a jar about twice as large (some 90 MB instead
 * of 40 MB). Entries keep their order (the manifest first), names, times and bytes; only the compression goes.
 * The jar is written beside its place and moved there, so a server still running from the jar of the previous
 * build keeps reading that one (its open file), where a jar rewritten in place would pull the classes from under it.
 */
final class StoredJar {

    private StoredJar() {
    }

    /**
     * Writes the stored copy of a jar; the build runs it once the jar is packaged and its services listed.
     *
     * @param args the packaged jar's path, then the path of its stored copy (the same path when left out)
     */
    public static void main(String[] args) throws IOException {
        Path packaged = Path.of(args[0]);
        Path jar = args.length > 1 ? Path.of(args[1]) : packaged;
        Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(packaged.toFile()); OutputStream file = new BufferedOutputStream(Files.newOutputStream(stored), 1 << 16);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                out.putNextEntry(storedCopy(entry, bytes));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static ZipEntry storedCopy(ZipEntry entry, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setMethod(ZipEntry.STORED);
        copy.setSize(bytes.length);
        copy.setCompressedSize(bytes.length);
        copy.setCrc(crc.getValue());
        copy.setTime(entry.getTime());
        return copy;
    }
}
