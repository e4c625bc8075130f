package io.gatekey.app;

import io.micronaut.core.async.publisher.PublishersOptimizations;
import io.micronaut.core.optim.StaticOptimizations;
import java.util.ArrayList;
import java.util.List;

/**
 * The reactive types Micronaut's {@code Publishers} recognizes, handed to it loaded but not initialized. On its own
 * it initializes each it finds, and initializing Reactor's {@code Flux} and {@code Mono} loads some 270 classes: a
 * command never uses them, the server only once a request needs them. The names are Micronaut's own, in its order
 * (a test holds them to {@code Publishers}' lists); only the moment of initialization changes.
 */
final class ReactiveTypes {

    static final List<String> MANY = List.of("io.reactivex.Observable", "reactor.core.publisher.Flux",
            "kotlinx.coroutines.flow.Flow", "io.reactivex.rxjava3.core.Flowable", "io.reactivex.rxjava3.core.Observable");
    static final List<String> SINGLE = List.of("io.micronaut.core.async.publisher.CompletableFuturePublisher",
            "io.micronaut.core.async.publisher.Publishers$JustPublisher", "io.micronaut.core.async.publisher.Publishers$JustThrowPublisher",
            "io.reactivex.Single", "reactor.core.publisher.Mono", "io.reactivex.Maybe", "io.reactivex.rxjava3.core.Single",
            "io.reactivex.rxjava3.core.Maybe");
    static final List<String> COMPLETABLE = List.of("io.reactivex.Completable", "io.reactivex.rxjava3.core.Completable",
            "io.micronaut.core.async.subscriber.Completable");

    private ReactiveTypes() {
    }

    /** To be called before Micronaut's {@code Publishers} is first used, that is before a context is built. */
    static void install() {
        ClassLoader classLoader = ReactiveTypes.class.getClassLoader();
        List<Class<?>> single = present(SINGLE, classLoader);
        List<Class<?>> completable = present(COMPLETABLE, classLoader);
        List<Class<?>> all = new ArrayList<>(present(MANY, classLoader));
        all.addAll(single);
        all.addAll(completable);
        StaticOptimizations.set(new PublishersOptimizations(all, single, completable));
    }

    /** The named classes that are on the class path, loaded without running their static initializers. */
    static List<Class<?>> present(List<String> names, ClassLoader classLoader) {
        List<Class<?>> present = new ArrayList<>(names.size());
        for (String name : names) {
            Class<?> type = JarServices.loaded(classLoader, name);
            if (type != null) {
                present.add(type);
            }
        }
        return present;
    }
}
