package io.gatekey.app;

import io.gatekey.adapter.cli.CliEnvironment;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountName;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** Test access to the app's package-private wiring. */
public final class GatekeyTestAccess {

    private GatekeyTestAccess() {
    }

    /** The CLI environment the jar uses, with configuration overrides; closing it closes its database. */
    public static Closeable environment(Map<String, Object> overrides) {
        return new Closeable(new AppEnvironment(overrides));
    }

    /** The same, on a clock of the test's. */
    public static Closeable environment(Map<String, Object> overrides, java.time.Clock clock) {
        return new Closeable(new AppEnvironment(overrides, clock));
    }

    /** A running server with the app's configuration and the given overrides. */
    public static ApplicationContext server(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.putIfAbsent("endpoints.all.port", io.gatekey.adapter.persistence.TestPorts.free());
        ApplicationContext context = ApplicationContext.builder().properties(properties).start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    public static void operatorInit(ApplicationContext context, String name) {
        context.getBean(GatekeyServices.class).createAccount().create(new CreateAccountUseCase.Command(new Principal.Operator(), new AccountName(name)));
    }

    public static int accountCount(ApplicationContext context) {
        return context.getBean(GatekeyServices.class).listAccounts().list(new Principal.Operator()).size();
    }

    /** An {@link AppEnvironment} that tests can close. */
    public static final class Closeable implements CliEnvironment, AutoCloseable {
        private final AppEnvironment environment;

        Closeable(AppEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public GatekeyServices useCases() {
            return environment.useCases();
        }

        @Override
        public Maintenance maintenance() {
            return environment.maintenance();
        }

        @Override
        public void serve(String[] args) {
            environment.serve(args);
        }

        @Override
        public void openAhead() {
            environment.openAhead();
        }

        @Override
        public void close() {
            environment.close();
        }
    }
}
