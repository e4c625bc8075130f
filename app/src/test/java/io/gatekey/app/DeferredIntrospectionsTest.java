package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.beans.BeanIntrospection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredIntrospectionsTest {

    private static final String SAMPLE_REFERENCE = "io.gatekey.app.$DeferredIntrospectionsTest$Sample$Introspection";

    @TempDir
    Path folder;

    /** A bean with an introspection, as Micronaut's annotation processor writes them. */
    @Introspected
    public record Sample(String name) {
    }

    @Test
    void answersItsNameAndBeanTypeWithoutLoadingTheIntrospection() {
        ClassLoader classLoader = getClass().getClassLoader();
        DeferredIntrospections.Deferred deferred = new DeferredIntrospections.Deferred(Sample.class.getName(), classLoader, SAMPLE_REFERENCE);

        assertEquals("io.gatekey.app.DeferredIntrospectionsTest$Sample", deferred.getName());
        assertTrue(deferred.isPresent());
        assertSame(Sample.class, deferred.getBeanType());
        assertFalse(deferred.isLoaded(), "name, presence and type need no introspection");

        BeanIntrospection<Object> introspection = deferred.load();
        assertTrue(deferred.isLoaded());
        assertSame(Sample.class, introspection.getBeanType());
        assertEquals(new Sample("a"), introspection.instantiate("a"));
        assertTrue(deferred.getAnnotationMetadata().hasAnnotation(Introspected.class));
        assertSame(BeanIntrospection.getIntrospection(Sample.class).getBeanType(), introspection.getBeanType());
    }

    @Test
    void aReferenceThatNoLongerLoadsSaysWhich() {
        DeferredIntrospections.Deferred deferred = new DeferredIntrospections.Deferred("example.Gone", getClass().getClassLoader(), "example.$Gone$Introspection");

        assertEquals("example.Gone", deferred.getName());
        IllegalStateException failure = assertThrows(IllegalStateException.class, deferred::load);
        assertEquals("the introspection example.$Gone$Introspection of example.Gone no longer loads", failure.getMessage());
    }

    @Test
    void readsTheIndexFromTheClassPath() throws IOException {
        try (URLClassLoader withIndex = new URLClassLoader(new URL[] {indexJar("a.$B$Introspection\ta.B\na.$B$C$Introspection\ta.B$C\n").toUri().toURL()}, null)) {
            assertEquals(Map.of("a.$B$Introspection", "a.B", "a.$B$C$Introspection", "a.B$C"), DeferredIntrospections.indexed(withIndex));
        }
        try (URLClassLoader without = new URLClassLoader(new URL[0], null)) {
            assertNull(DeferredIntrospections.indexed(without));
        }
    }

    private Path indexJar(String index) throws IOException {
        Path jar = folder.resolve("indexed.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(DeferredIntrospections.INDEX));
            out.write(index.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
