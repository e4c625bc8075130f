package io.gatekey.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.AnnotationMetadataProvider;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.beans.BeanIntrospectionReference;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;
import io.micronaut.inject.BeanDefinitionReference;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The services of the {@code gatekey} jar (Micronaut's {@code META-INF/micronaut} entries and the
 * {@code META-INF/services} files), listed once by the build into the jar itself ({@link #INDEX}, written by
 * {@link #main} after packaging). Without it, Micronaut finds its services by walking the jar through a zip file
 * system, which indexes all of the jar's 27,000 entries again: about 0.15 s of every start on the 2-core reference
 * machine; listing them from the jar's entries at each start still took 50 ms. Installed only when the jar is the
 * whole class path (as with {@code java -jar gatekey.jar}), so the list is complete; elsewhere (tests, an embedding
 * program) Micronaut scans as usual.
 */
final class JarServices {

    /** The jar's list of services: a line for each implementation, its service type, a tab, its class name. */
    static final String INDEX = "META-INF/gatekey/services.idx";
    private static final String MICRONAUT_SERVICES = "META-INF/micronaut/";
    private static final String SERVICES = "META-INF/services/";
    private static final MethodType NO_ARGUMENTS = MethodType.methodType(void.class);
    private static volatile JarServices installed;

    private final Map<String, Set<String>> services;
    /** The bean name of each introspection reference, when the jar lists them ({@link DeferredIntrospections}). */
    private final Map<String, String> introspections;

    private JarServices(Map<String, Set<String>> services) {
        this(services, null);
    }

    private JarServices(Map<String, Set<String>> services, Map<String, String> introspections) {
        this.services = services;
        this.introspections = introspections;
    }

    /**
     * Hands Micronaut the jar's services when the class path is this one jar (and its manifest adds no other), so that
     * the list is complete; to be called before Micronaut starts.
     */
    static void installForJarClassPath() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return;
        }
        // The jar's own list, read through the class loader, which opens the jar once for every later reader; a jar
        // built without the list is listed from its entries.
        JarServices jar = indexed(ClassLoader.getSystemClassLoader());
        if (jar == null) {
            jar = read(new File(classPath));
        }
        if (jar != null) {
            StaticOptimizations.set(new SoftServiceLoader.Optimizations(jar.loaders(ClassLoader.getSystemClassLoader())));
            installed = jar;
        }
    }

    /**
     * Writes the list of a jar's services ({@link #INDEX}) and the bean names of its introspections
     * ({@link DeferredIntrospections#INDEX}) into the jar: the build runs it once the jar is packaged. The list leaves
     * out the bean definitions that require a class the jar does not hold: Micronaut would load each at every start
     * only to find it can never be enabled.
     *
     * @param args the jar's path
     */
    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        Path jar = Path.of(args[0]);
        JarServices services = read(jar.toFile());
        if (services == null) {
            throw new IllegalStateException(jar + " adds to the class path in its manifest: its list of services would not be complete");
        }
        String introspections;
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Set<String> definitions = services.services.get(BeanDefinitionReference.class.getName());
            if (definitions != null) {
                definitions.removeAll(needingAbsentClasses(jarOnly, definitions));
            }
            introspections = DeferredIntrospections.index(jarOnly, services.implementations(BeanIntrospectionReference.class.getName()));
        }
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path index = zip.getPath(INDEX);
            Files.createDirectories(index.getParent());
            Files.writeString(index, services.index(), StandardCharsets.UTF_8);
            Files.writeString(zip.getPath(DeferredIntrospections.INDEX), introspections, StandardCharsets.UTF_8);
        }
    }

    /**
     * The bean definitions, among those named, with a {@code @Requires(classes = ...)} naming a class the loader
     * (the jar alone) does not have: their condition can never hold.
     */
    static Set<String> needingAbsentClasses(ClassLoader jarOnly, Set<String> definitions) throws ReflectiveOperationException {
        Set<String> never = new LinkedHashSet<>();
        Class<?> requires = jarOnly.loadClass(Requires.class.getName());
        Method metadata = jarOnly.loadClass(AnnotationMetadataProvider.class.getName()).getMethod("getAnnotationMetadata");
        Method requirements = jarOnly.loadClass(AnnotationMetadata.class.getName()).getMethod("getAnnotationValuesByType", Class.class);
        Method classes = jarOnly.loadClass(AnnotationValue.class.getName()).getMethod("stringValues", String.class);
        for (String definition : definitions) {
            Object reference = instantiate(jarOnly, definition);
            if (reference == null) {
                continue;
            }
            for (Object requirement : (List<?>) requirements.invoke(metadata.invoke(reference), requires)) {
                for (String needed : (String[]) classes.invoke(requirement, "classes")) {
                    if (loaded(jarOnly, needed) == null) {
                        never.add(definition);
                    }
                }
            }
        }
        return never;
    }

    /** The named class, loaded without running its static initializer; {@code null} when it is absent or does not link. */
    static Class<?> loaded(ClassLoader classLoader, String className) {
        try {
            return Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The services listed in the index of the class path's jar; {@code null} when it has none. */
    static JarServices indexed(ClassLoader classLoader) {
        Map<String, Set<String>> services = new LinkedHashMap<>();
        boolean found = readIndex(classLoader, INDEX, (type, name) -> services.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(name));
        return found ? new JarServices(services, DeferredIntrospections.indexed(classLoader)) : null;
    }

    /**
     * Reads one of the indexes the build writes into the jar, a pair a line separated by a tab, handing each pair to
     * {@code pair}; false when the class path has no such file.
     */
    static boolean readIndex(ClassLoader classLoader, String resource, BiConsumer<String, String> pair) {
        try (InputStream index = classLoader.getResourceAsStream(resource)) {
            if (index == null) {
                return false;
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    pair.accept(line.substring(0, tab), line.substring(tab + 1));
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The list as the build writes it into the jar. */
    String index() {
        StringBuilder index = new StringBuilder();
        services.forEach((type, implementations) -> implementations.forEach(name -> index.append(type).append('\t').append(name).append('\n')));
        return index.toString();
    }

    /**
     * Every service of a jar, by type: each {@code META-INF/micronaut/<type>/<class>} entry and each line of
     * {@code META-INF/services/<type>}; {@code null} when its manifest puts more on the class path.
     */
    static JarServices read(File jarFile) {
        Map<String, Set<String>> services = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(jarFile, false)) {
            Manifest manifest = jar.getManifest();
            if (manifest != null && manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) != null) {
                return null;
            }
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.startsWith(MICRONAUT_SERVICES)) {
                    int slash = name.indexOf('/', MICRONAUT_SERVICES.length());
                    if (slash > 0 && name.indexOf('/', slash + 1) < 0) {
                        services.computeIfAbsent(name.substring(MICRONAUT_SERVICES.length(), slash), type -> new LinkedHashSet<>())
                                .add(name.substring(slash + 1));
                    }
                } else if (name.startsWith(SERVICES) && name.indexOf('/', SERVICES.length()) < 0) {
                    Set<String> implementations = services.computeIfAbsent(name.substring(SERVICES.length()), type -> new LinkedHashSet<>());
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
                        lines.lines().map(JarServices::withoutComment).filter(line -> !line.isEmpty()).forEach(implementations::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the services of " + jarFile, e);
        }
        return new JarServices(services);
    }

    /**
     * The class names of a Micronaut service's implementations: from the installed jar's index, or else as
     * Micronaut finds them.
     */
    static Set<String> implementations(ClassLoader classLoader, Class<?> type) {
        JarServices jar = installed;
        if (jar != null) {
            return jar.implementations(type.getName());
        }
        try {
            return MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries(classLoader, type.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An instance of the named class, or {@code null} when it cannot be made here (it needs a class that is absent):
     * Micronaut's own loading skips those too.
     */
    static <S> S instantiate(ClassLoader classLoader, String className) {
        MethodHandle constructor = constructor(classLoader, className);
        if (constructor == null) {
            return null;
        }
        try {
            return create(constructor);
        } catch (NoClassDefFoundError e) {
            return null;
        }
    }

    Set<String> implementations(String type) {
        return services.getOrDefault(type, Set.of());
    }

    /**
     * A loader for every service type: the jar is the whole class path, so a type it does not list has no
     * implementation, and Micronaut need not look further.
     */
    private Map<String, StaticServiceLoader<?>> loaders(ClassLoader classLoader) {
        Map<String, StaticServiceLoader<?>> made = new ConcurrentHashMap<>();
        return new AbstractMap<>() {
            @Override
            public StaticServiceLoader<?> get(Object type) {
                return type instanceof String name ? made.computeIfAbsent(name, n -> new Loader<>(classLoader, implementations(n), beanNames(n))) : null;
            }

            @Override
            public boolean containsKey(Object type) {
                return type instanceof String;
            }

            @Override
            public Set<Entry<String, StaticServiceLoader<?>>> entrySet() {
                services.keySet().forEach(this::get);
                return Collections.unmodifiableMap(made).entrySet();
            }
        };
    }

    /** For the introspection references, their bean names, so that each is loaded when it is used; else {@code null}. */
    private Map<String, String> beanNames(String type) {
        return type.equals(BeanIntrospectionReference.class.getName()) ? introspections : null;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).trim();
    }

    private static MethodHandle constructor(ClassLoader classLoader, String className) {
        Class<?> type = loaded(classLoader, className);
        try {
            return type == null ? null : MethodHandles.publicLookup().findConstructor(type, NO_ARGUMENTS);
        } catch (NoClassDefFoundError | NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> S create(MethodHandle constructor) {
        try {
            return (S) constructor.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The implementations of one service type, loaded as Micronaut's own scan would load them; introspection
     * references, when their bean names are known, as stand-ins that load them on first use.
     */
    private record Loader<S>(ClassLoader classLoader, Set<String> classNames, Map<String, String> beanNames) implements StaticServiceLoader<S> {

        @Override
        public Stream<StaticDefinition<S>> findAll(Predicate<String> condition) {
            List<StaticDefinition<S>> found = new ArrayList<>(classNames.size());
            for (String className : named(condition)) {
                Supplier<S> maker = maker(className);
                if (maker != null) {
                    found.add(StaticDefinition.of(className, maker));
                }
            }
            return found.stream();
        }

        @Override
        public List<S> load(Predicate<String> condition, Predicate<S> predicate) {
            List<S> loaded = new ArrayList<>(classNames.size());
            for (String className : named(condition)) {
                Supplier<S> maker = maker(className);
                S service = null;
                try {
                    service = maker == null ? null : maker.get();
                } catch (NoClassDefFoundError e) {
                    // Needs a class that is absent: Micronaut's own loading skips it too.
                }
                if (service != null && (predicate == null || predicate.test(service))) {
                    loaded.add(service);
                }
            }
            return loaded;
        }

        /** Makes the named implementation, or {@code null} when it cannot be made here. */
        @SuppressWarnings("unchecked")
        private Supplier<S> maker(String className) {
            if (beanNames != null) {
                String beanName = beanNames.get(className);
                return beanName == null ? null : () -> (S) new DeferredIntrospections.Deferred(beanName, classLoader, className);
            }
            MethodHandle constructor = constructor(classLoader, className);
            return constructor == null ? null : () -> create(constructor);
        }

        private List<String> named(Predicate<String> condition) {
            return condition == null ? List.copyOf(classNames) : classNames.stream().filter(condition).toList();
        }
    }
}
