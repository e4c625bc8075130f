package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.io.scan.ClassPathResourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarFileResourcesTest {

    @TempDir
    Path folder;

    @Test
    void readsAJarsFilesAndNothingElse() throws IOException {
        Path jar = folder.resolve("app.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            add(out, "application.properties", "gatekey.otp-issuer=Example\n");
            add(out, "openapi/", "");
            add(out, "openapi/ncp.yml", "openapi: 3.0.1\n");
        }
        Files.writeString(folder.resolve("outside.properties"), "secret=1\n");
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            JarFileResources resources = new JarFileResources(ClassPathResourceLoader.defaultLoader(classLoader));

            assertEquals("gatekey.otp-issuer=Example\n", text(resources.getResourceAsStream("application.properties")));
            assertEquals("gatekey.otp-issuer=Example\n", text(resources.getResourceAsStream("classpath:application.properties")));
            assertEquals("openapi: 3.0.1\n", text(resources.getResourceAsStream("openapi/ncp.yml")));
            assertTrue(resources.getResourceAsStream("openapi").isEmpty(), "a folder is no file");
            assertTrue(resources.getResourceAsStream("openapi/").isEmpty(), "a folder is no file");
            assertTrue(resources.getResourceAsStream("application-test.properties").isEmpty());
            assertTrue(resources.getResourceAsStream("openapi/../../outside.properties").isEmpty(), "no way out of the class path");
        }
    }

    private static void add(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static String text(Optional<InputStream> stream) throws IOException {
        try (InputStream in = stream.orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
