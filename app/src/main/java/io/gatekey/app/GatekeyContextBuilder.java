package io.gatekey.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the application contexts of the {@code gatekey} jar: the server's, and the smaller one of an operator
 * command, which has the use cases over the configured database without the beans that only serve HTTP (the doors,
 * the Netty server, management endpoints, metrics, the JSON (de)serializers of bodies). Their definitions are
 * not even loaded: a command loads about 1,200 classes fewer. Both read their configuration files through {@link JarFileResources}, and neither
 * deduces its environment (cloud probes) or reads a bootstrap configuration: Gatekey reads no distributed
 * configuration, so it does not look for any.
 */
final class GatekeyContextBuilder extends DefaultApplicationContextBuilder {

    /**
     * Beans that only serve HTTP, by the class names of their definitions: the server, its routes, the use cases as
     * beans of their ports (which the doors take), and the JSON (de)serializers of request and answer bodies.
     */
    private static final List<String> SERVER_ONLY = List.of(
            "io.gatekey.adapter.http.",
            "io.gatekey.app.$DoorUseCases$",
            "io.micronaut.http.",
            "io.micronaut.web.",
            "io.micronaut.management.",
            "io.micronaut.health.",
            "io.micronaut.configuration.metrics.",
            "io.micronaut.runtime.http.",
            "io.micronaut.runtime.graceful.",
            "io.micronaut.buffer.netty.",
            "io.micronaut.discovery.",
            "io.micronaut.serde.",
            "io.micronaut.json.",
            "io.micronaut.jackson.",
            "io.micronaut.data.runtime.http.");

    private final boolean withHttp;
    private ClassPathResourceLoader resources;

    private GatekeyContextBuilder(boolean withHttp) {
        this.withHttp = withHttp;
        deduceEnvironment(false);
        bootstrapEnvironment(false);
    }

    /** The server's context: every bean. */
    static ApplicationContextBuilder server() {
        return new GatekeyContextBuilder(true);
    }

    /** An operator command's context: no bean that only serves HTTP. */
    static ApplicationContextBuilder operator() {
        return new GatekeyContextBuilder(false);
    }

    static boolean servesHttpOnly(String className) {
        return SERVER_ONLY.stream().anyMatch(className::startsWith);
    }

    @Override
    public ClassPathResourceLoader getResourceLoader() {
        if (resources == null) {
            resources = new JarFileResources(super.getResourceLoader());
        }
        return resources;
    }

    @Override
    protected ApplicationContext newApplicationContext() {
        if (withHttp) {
            return super.newApplicationContext();
        }
        return new DefaultApplicationContext(this) {
            private List<BeanDefinitionReference> references;

            @Override
            protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
                if (references == null) {
                    references = withoutHttp(getClassLoader());
                }
                return references;
            }
        };
    }

    private static List<BeanDefinitionReference> withoutHttp(ClassLoader classLoader) {
        List<BeanDefinitionReference> kept = new ArrayList<>();
        for (String className : JarServices.implementations(classLoader, BeanDefinitionReference.class)) {
            if (!servesHttpOnly(className)) {
                BeanDefinitionReference reference = JarServices.instantiate(classLoader, className);
                if (reference != null && reference.isPresent()) {
                    kept.add(reference);
                }
            }
        }
        return kept;
    }
}
