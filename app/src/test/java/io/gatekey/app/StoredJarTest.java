package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredJarTest {

    private static final long JANUARY_2026 = 1_767_225_600_000L;

    @TempDir
    Path folder;

    @Test
    void storesEveryEntryWithItsBytesOrderAndTime() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("io/", new byte[0]);
        entries.put("io/example/Big.class", "x".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        entries.put("META-INF/services/example.Provider", "example.P1\n".getBytes(StandardCharsets.UTF_8));
        entries.put("empty.txt", new byte[0]);
        Path jar = deflatedJar(entries);
        long deflatedSize = Files.size(jar);

        StoredJar.main(new String[] {jar.toString()});

        try (ZipFile stored = new ZipFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry : Collections.list(stored.entries())) {
                names.add(entry.getName());
                assertEquals(ZipEntry.STORED, entry.getMethod(), entry.getName());
                assertEquals(entry.getSize(), entry.getCompressedSize(), entry.getName());
                assertEquals(JANUARY_2026, entry.getTime(), entry.getName());
                if (entries.containsKey(entry.getName())) {
                    try (InputStream content = stored.getInputStream(entry)) {
                        assertArrayEquals(entries.get(entry.getName()), content.readAllBytes(), entry.getName());
                    }
                }
            }
            List<String> expected = new ArrayList<>(List.of("META-INF/", JarFile.MANIFEST_NAME));
            expected.addAll(entries.keySet());
            assertEquals(expected, names);
        }
        // The manifest still opens the jar, as java -jar reads it, and the stored jar is the larger one.
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            assertEquals("example.Main", in.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS));
        }
        assertTrue(Files.size(jar) > 100_000 && deflatedSize < 10_000, Files.size(jar) + " bytes stored, " + deflatedSize + " deflated");
        assertFalse(Files.exists(jar.resolveSibling(jar.getFileName() + ".stored")), "no leftover");
    }

    @Test
    void aJarStillOpenFromTheLastBuildKeepsItsEntriesWhenTheNextOneIsMovedInPlace() throws IOException {
        Path running = folder.resolve("gatekey.jar");
        Files.move(deflatedJar(Map.of("io/example/Old.class", "old".repeat(10_000).getBytes(StandardCharsets.UTF_8))), folder.resolve("old.jar"));
        StoredJar.main(new String[] {folder.resolve("old.jar").toString(), running.toString()});
        Path packaged = folder.resolve("gatekey-shaded.jar");
        Files.move(deflatedJar(Map.of("io/example/New.class", "new".repeat(20_000).getBytes(StandardCharsets.UTF_8))), packaged);

        // A server started from the last build holds its jar open, as the JVM does, and reads classes as it needs them.
        try (ZipFile server = new ZipFile(running.toFile())) {
            StoredJar.main(new String[] {packaged.toString(), running.toString()});
            try (InputStream old = server.getInputStream(server.getEntry("io/example/Old.class"))) {
                assertEquals("old".repeat(10_000), new String(old.readAllBytes(), StandardCharsets.UTF_8), "the running server's jar is whole");
            }
        }
        try (ZipFile next = new ZipFile(running.toFile())) {
            assertEquals(null, next.getEntry("io/example/Old.class"));
            assertEquals(ZipEntry.STORED, next.getEntry("io/example/New.class").getMethod());
        }
        assertTrue(Files.exists(packaged), "the packaged jar is left as it was");
    }

    private Path deflatedJar(Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "example.Main");
        Path jar = folder.resolve("example.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(timed(new JarEntry("META-INF/")));
            out.closeEntry();
            out.putNextEntry(timed(new JarEntry(JarFile.MANIFEST_NAME)));
            manifest.write(out);
            out.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(timed(new JarEntry(entry.getKey())));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    private static JarEntry timed(JarEntry entry) {
        entry.setTime(JANUARY_2026);
        return entry;
    }
}
