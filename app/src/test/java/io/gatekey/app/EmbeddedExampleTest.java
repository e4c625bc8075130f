package io.gatekey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.Totp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmbeddedExampleTest {

    @Test
    void theExampleEnrolsADeviceAndIssuesMfaBackedCredentials() {
        Instant now = Instant.parse("2026-11-23T12:00:05Z");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        TemporaryCredential credential = EmbeddedExample.run(Clock.fixed(now, ZoneOffset.UTC), new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.matches("(?s).*otpauth://totp/Gatekey:alice%40[0-9a-f]{32}\\?secret=.*"), printed);
        assertTrue(printed.contains("&issuer=Gatekey&algorithm=SHA1&digits=6&period=30"), printed);
        assertEquals(Totp.stepAt(now, 30) + 1, credential.mfa().orElseThrow().matchedStep());
        assertEquals(now.plus(Duration.ofHours(1)), credential.expiresAt());
        assertTrue(credential.accessKeyId().isTemporary());
    }
}
