package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthrough with the aws CLI (Debian's awscli, version 2): the root and its keys, a user and its key, a virtual device from
 * its QR code, enabled with two codes, a session token with a third, the session's identity, the code replayed, and
 * everything taken down again. CI installs the CLI; elsewhere the test is skipped when it is missing.
 */
class AwsCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Run aws(TestServer server, Map<String, String> credentials, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.uri("").toString(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_DEFAULT_REGION", "eu-central-1");
        env.put("AWS_PAGER", "");
        env.putAll(credentials);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "aws " + String.join(" ", args) + " timed out");
        return new Run(process.exitValue(), out, err);
    }

    private Run ok(TestServer server, Map<String, String> credentials, String... args) throws Exception {
        Run run = aws(server, credentials, args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run.err() + run.out());
        return run;
    }

    private static Map<String, String> keys(String id, String secret) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", id);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        return env;
    }

    private static String code(TestServer server, TotpSeed seed, int offset) {
        return Totp.code(seed, TotpParameters.DEFAULT, Totp.stepAt(server.clock.instant(), 30) + offset);
    }

    @Test
    void theReadmesWalkthrough() throws Exception {
        assumeTrue(Files.isExecutable(AWS) || System.getenv("CI") != null, "Debian's awscli is not installed here");
        try (TestServer server = TestServer.on("h2", Map.of())) {
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");
            Map<String, String> root = keys(acme.adminKey.id().value(), acme.adminKey.secret().reveal());
            // Without a user name, the admin key is the root: itself, and its own keys.
            assertEquals("arn:aws:iam::" + acme.accountId.value() + ":root", ok(server, root, "iam", "get-user").json().at("/User/Arn").asText());
            JsonNode rootKeys = ok(server, root, "iam", "list-access-keys").json().at("/AccessKeyMetadata");
            assertEquals(1, rootKeys.size(), rootKeys.toString());
            assertEquals(acme.adminKey.id().value(), rootKeys.at("/0/AccessKeyId").asText());
            assertTrue(rootKeys.at("/0/UserName").isMissingNode(), rootKeys.toString());

            String arn = ok(server, root, "iam", "create-user", "--user-name", "carol").json().at("/User/Arn").asText();
            assertEquals("arn:aws:iam::" + acme.accountId.value() + ":user/carol", arn);
            JsonNode key = ok(server, root, "iam", "create-access-key", "--user-name", "carol").json().at("/AccessKey");
            Path png = home.resolve("carol.png");
            String serial = ok(server, root, "iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "carol",
                    "--outfile", png.toString(), "--bootstrap-method", "QRCodePNG").json().at("/VirtualMFADevice/SerialNumber").asText();
            assertEquals("arn:aws:iam::" + acme.accountId.value() + ":mfa/carol", serial);
            // A generated code is a pure barcode: told so, the reader finds it without guessing where it is.
            String uri = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(ImageIO.read(png.toFile())))),
                    Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            assertTrue(uri.startsWith("otpauth://totp/"), uri);
            String secret = URLDecoder.decode(uri.replaceAll(".*[?&]secret=([^&]+).*", "$1"), StandardCharsets.UTF_8);
            TotpSeed seed = TotpSeed.fromBase32(secret);
            ok(server, root, "iam", "enable-mfa-device", "--user-name", "carol", "--serial-number", serial,
                    "--authentication-code1", code(server, seed, -1), "--authentication-code2", code(server, seed, 0));
            assertEquals(serial, ok(server, root, "iam", "list-mfa-devices", "--user-name", "carol").json().at("/MFADevices/0/SerialNumber").asText());

            Map<String, String> carol = keys(key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText());
            String fresh = code(server, seed, 1);
            JsonNode session = ok(server, carol, "sts", "get-session-token", "--serial-number", serial, "--token-code", fresh,
                    "--duration-seconds", "900").json().at("/Credentials");
            Map<String, String> temporary = keys(session.get("AccessKeyId").asText(), session.get("SecretAccessKey").asText());
            temporary.put("AWS_SESSION_TOKEN", session.get("SessionToken").asText());
            assertEquals(arn, ok(server, temporary, "sts", "get-caller-identity").json().get("Arn").asText());
            Run replayed = aws(server, carol, "sts", "get-session-token", "--serial-number", serial, "--token-code", fresh);
            assertTrue(replayed.exitCode() != 0, replayed.out());
            assertTrue(replayed.err().contains("AccessDenied") && replayed.err().contains("MultiFactorAuthentication failed"), replayed.err());

            JsonNode lastUsed = ok(server, root, "iam", "get-access-key-last-used", "--access-key-id", key.get("AccessKeyId").asText()).json();
            assertEquals("carol", lastUsed.get("UserName").asText());
            assertEquals("sts", lastUsed.at("/AccessKeyLastUsed/ServiceName").asText());
            assertEquals("eu-central-1", lastUsed.at("/AccessKeyLastUsed/Region").asText());

            ok(server, root, "iam", "deactivate-mfa-device", "--user-name", "carol", "--serial-number", serial);
            ok(server, root, "iam", "delete-virtual-mfa-device", "--serial-number", serial);
            ok(server, root, "iam", "delete-access-key", "--user-name", "carol", "--access-key-id", key.get("AccessKeyId").asText());
            ok(server, root, "iam", "delete-user", "--user-name", "carol");
            Run gone = aws(server, root, "iam", "get-user", "--user-name", "carol");
            assertTrue(gone.exitCode() != 0 && gone.err().contains("NoSuchEntity"), gone.err());
        }
    }
}
