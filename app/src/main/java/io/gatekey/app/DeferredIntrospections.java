package io.gatekey.app;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospectionReference;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The jar's bean introspections, each loaded only when it is used. Micronaut indexes every introspection by its
 * bean's class name the first time any one is asked for, and making a reference loads its class and the bean's:
 * some 250 in this jar, three in four Micronaut Data's (one per query interceptor), of which a command uses about a
 * dozen. The build writes each reference's bean name into the jar ({@link #INDEX}), so the index can be made of
 * stand-ins that know the name and load the real reference on the first other question.
 */
final class DeferredIntrospections {

    /** A line for each introspection reference whose bean is present: its class name, a tab, its bean's class name. */
    static final String INDEX = "META-INF/gatekey/introspections.idx";

    private DeferredIntrospections() {
    }

    /** The bean name of each present reference, by the reference's class name; {@code null} when the jar has no index. */
    static Map<String, String> indexed(ClassLoader classLoader) {
        Map<String, String> beans = new LinkedHashMap<>();
        return JarServices.readIndex(classLoader, INDEX, beans::put) ? beans : null;
    }

    /**
     * The index of a jar's introspection references, as the build writes it: each is made in a class loader of the
     * jar alone, and asked its bean's name and whether that bean is present.
     */
    static String index(ClassLoader jarOnly, Set<String> references) throws ReflectiveOperationException {
        if (references.isEmpty()) {
            return "";
        }
        StringBuilder index = new StringBuilder();
        Class<?> referenceType = jarOnly.loadClass(BeanIntrospectionReference.class.getName());
        Method isPresent = referenceType.getMethod("isPresent");
        Method getName = referenceType.getMethod("getName");
        for (String className : references) {
            Object reference = JarServices.instantiate(jarOnly, className);
            if (reference != null && (boolean) isPresent.invoke(reference)) {
                index.append(className).append('\t').append(getName.invoke(reference)).append('\n');
            }
        }
        return index.toString();
    }

    /** A reference that answers its bean's name and presence by itself and loads the real one for anything else. */
    static final class Deferred implements BeanIntrospectionReference<Object> {

        private final String beanName;
        private final ClassLoader classLoader;
        private final String referenceClass;
        private volatile BeanIntrospectionReference<Object> loaded;
        private volatile Class<Object> beanType;

        Deferred(String beanName, ClassLoader classLoader, String referenceClass) {
            this.beanName = beanName;
            this.classLoader = classLoader;
            this.referenceClass = referenceClass;
        }

        @Override
        public String getName() {
            return beanName;
        }

        @Override
        public boolean isPresent() {
            return true;
        }

        /** The bean's class, loaded without its introspection: Micronaut Data asks every reference for it to find its query interceptors. */
        @Override
        @SuppressWarnings("unchecked")
        public Class<Object> getBeanType() {
            Class<Object> type = beanType;
            if (type == null) {
                type = (Class<Object>) JarServices.loaded(classLoader, beanName);
                if (type == null) {
                    return real().getBeanType();
                }
                beanType = type;
            }
            return type;
        }

        @Override
        public BeanIntrospection<Object> load() {
            return real().load();
        }

        @Override
        public AnnotationMetadata getAnnotationMetadata() {
            return real().getAnnotationMetadata();
        }

        boolean isLoaded() {
            return loaded != null;
        }

        private BeanIntrospectionReference<Object> real() {
            BeanIntrospectionReference<Object> reference = loaded;
            if (reference == null) {
                synchronized (this) {
                    reference = loaded;
                    if (reference == null) {
                        reference = JarServices.instantiate(classLoader, referenceClass);
                        if (reference == null) {
                            throw new IllegalStateException("the introspection " + referenceClass + " of " + beanName + " no longer loads");
                        }
                        loaded = reference;
                    }
                }
            }
            return reference;
        }
    }
}
