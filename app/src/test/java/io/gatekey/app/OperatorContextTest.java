package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.audit.ListAuditEventsUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.out.AuditOrigins;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.annotation.Controller;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator command's context: the use cases on the configured database, and nothing that serves HTTP. */
class OperatorContextTest {

    @TempDir
    Path dataDir;

    @Test
    void holdsTheUseCasesAndNoBeanThatServesHttp() {
        try (AppEnvironment environment = new AppEnvironment(Map.of("gatekey.data-dir", dataDir.toString()))) {
            environment.useCases().createAccount().create(new CreateAccountUseCase.Command(new Principal.Operator(), new AccountName("Acme")));
            ApplicationContext context = environment.context();

            assertFalse(context.containsBean(EmbeddedServer.class));
            assertEquals(List.of(), context.getBeanDefinitions(Qualifiers.byStereotype(Controller.class)).stream().map(BeanDefinition::getBeanType).toList());
            List<String> servingHttp = context.getAllBeanDefinitions().stream().map(definition -> definition.getBeanType().getName())
                    .filter(GatekeyContextBuilder::servesHttpOnly).toList();
            assertEquals(List.of(), servingHttp);
            assertTrue(context.containsBean(AuditOrigins.class));
            // The use cases are reached through GatekeyServices, not as beans of their ports (those are the doors').
            assertTrue(context.containsBean(GatekeyServices.class));
            assertFalse(context.containsBean(CreateAccountUseCase.class));
            assertFalse(context.containsBean(IssueTemporaryCredentialsUseCase.class));
        }
    }

    @Test
    void opensOneDatabaseConnectionNotAPoolOfThem() {
        try (AppEnvironment environment = new AppEnvironment(Map.of("gatekey.data-dir", dataDir.toString()))) {
            environment.useCases();
            HikariDataSource pool = (HikariDataSource) DelegatingDataSource.unwrapDataSource(environment.context().getBean(DataSource.class));

            assertEquals(1, pool.getMinimumIdle());
            assertEquals(10, pool.getMaximumPoolSize(), "more on demand, as configured");
        }
    }

    @Test
    void itsEventsComeFromTheCliAndTheLocalUser() {
        try (AppEnvironment environment = new AppEnvironment(Map.of("gatekey.data-dir", dataDir.toString()))) {
            environment.useCases().createAccount().create(new CreateAccountUseCase.Command(new Principal.Operator(), new AccountName("Acme")));

            AuditEvent created = environment.useCases().listAuditEvents()
                    .list(new ListAuditEventsUseCase.Query(new Principal.Operator(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.of(AuditEventType.ACCOUNT_CREATED), Optional.empty(), 50))
                    .get(0);

            assertEquals("cli", created.origin().door());
            assertEquals(Optional.of("local"), created.origin().sourceAddress());
            assertEquals(Optional.of("gatekey cli (" + System.getProperty("user.name") + ")"), created.origin().userAgent());
            assertEquals(Optional.empty(), created.origin().requestId());
        }
    }
}
