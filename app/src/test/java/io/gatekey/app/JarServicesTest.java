package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarServicesTest {

    @TempDir
    Path folder;

    @Test
    void listsMicronautEntriesAndServiceFilesByType() throws IOException {
        Path jar = jar(new Manifest(), Map.of(
                "META-INF/micronaut/example.Reference/", "",
                "META-INF/micronaut/example.Reference/example.B", "",
                "META-INF/micronaut/example.Reference/example.A", "",
                "META-INF/micronaut/example.Reference/nested/example.C", "",
                "META-INF/services/example.Provider", "# providers\nexample.P1\n\n  example.P2  # the second\n",
                "META-INF/services/example.Reference", "example.D\n",
                "META-INF/services/nested/example.Other", "example.E\n"));

        JarServices services = JarServices.read(jar.toFile());

        assertEquals(List.of("example.A", "example.B", "example.D"), new ArrayList<>(services.implementations("example.Reference")));
        assertEquals(List.of("example.P1", "example.P2"), new ArrayList<>(services.implementations("example.Provider")));
        assertEquals(List.of(), new ArrayList<>(services.implementations("example.Other")));
    }

    @Test
    void theListTheBuildWritesIntoAJarIsTheOneAStartReads() throws Exception {
        Path jar = jar(new Manifest(), Map.of(
                "META-INF/micronaut/example.Reference/example.B", "",
                "META-INF/micronaut/example.Reference/example.A", "",
                "META-INF/services/example.Provider", "example.P1\nexample.P2\n",
                "example/A.class", ""));
        try (URLClassLoader before = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertNull(JarServices.indexed(before), "a jar without the list");
        }

        JarServices.main(new String[] {jar.toString()});

        try (URLClassLoader after = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            JarServices indexed = JarServices.indexed(after);
            assertEquals(List.of("example.A", "example.B"), new ArrayList<>(indexed.implementations("example.Reference")));
            assertEquals(List.of("example.P1", "example.P2"), new ArrayList<>(indexed.implementations("example.Provider")));
            assertEquals(List.of(), new ArrayList<>(indexed.implementations("example.Other")));
            assertNotNull(after.getResource("example/A.class"), "the jar keeps its entries");
        }
    }

    @Test
    void aJarWhoseManifestAddsToTheClassPathIsNotListed() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/other.jar");

        assertNull(JarServices.read(jar(manifest, Map.of("META-INF/services/example.Provider", "example.P1\n")).toFile()));
    }

    @Test
    void aClassThatCannotBeMadeHereIsSkippedAsMicronautSkipsIt() {
        ClassLoader classLoader = getClass().getClassLoader();

        assertInstanceOf(ArrayList.class, JarServices.instantiate(classLoader, "java.util.ArrayList"));
        assertNull(JarServices.instantiate(classLoader, "example.Absent"));
        assertNull(JarServices.instantiate(classLoader, NeedsAnAbsentClass.class.getName()));
        assertNull(JarServices.instantiate(classLoader, NoPublicConstructor.class.getName()));
    }

    /** A class whose making fails with {@link NoClassDefFoundError}, as a bean definition does when its bean's library is absent. */
    public static final class NeedsAnAbsentClass {
        public NeedsAnAbsentClass() {
            throw new NoClassDefFoundError("example/Absent");
        }
    }

    public static final class NoPublicConstructor {
        private NoPublicConstructor() {
        }
    }

    private Path jar(Manifest manifest, Map<String, String> entries) throws IOException {
        manifest.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path jar = Files.createTempFile(folder, "services", ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String name : entries.keySet().stream().sorted().toList()) {
                out.putNextEntry(new JarEntry(name));
                out.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
