package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.out.TemporaryCredentialRepository;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server purges expired temporary credentials on its own schedule. */
class PurgeScheduleTest {

    @TempDir
    Path dataDir;

    @Test
    void expiredCredentialsDisappearWithoutAnyoneAsking() throws Exception {
        Map<String, Object> config = Map.of("gatekey.data-dir", dataDir.toString(), "gatekey.purge.initial-delay", "100ms",
                "gatekey.purge.interval", "200ms", "gatekey.purge.retention", "0s");
        try (ApplicationContext context = ApplicationContext.run(config)) {
            GatekeyServices useCases = context.getBean(GatekeyServices.class);
            Principal operator = new Principal.Operator();
            var account = useCases.createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName("Acme"))).account();
            var user = useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(operator, account.id(), new SubAccountName("alice")));
            TemporaryCredential credential = ((IssueTemporaryCredentialsUseCase.Issued) useCases.issueTemporaryCredentials().issue(
                    new IssueTemporaryCredentialsUseCase.Command(operator, Optional.of(user.id()), java.time.Duration.ofMillis(1), Optional.empty())))
                    .credential();
            TemporaryCredentialRepository credentials = context.getBean(TemporaryCredentialRepository.class);

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (credentials.find(credential.accessKeyId()).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(credentials.find(credential.accessKeyId()).isEmpty());
        }
    }
}
