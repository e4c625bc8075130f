package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.qcloud.Module.Sts;
import com.qcloud.QcloudApiModuleCenter;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tencent's own v2 Java SDK (module Sts) against Gatekey over HTTPS, the only way that SDK talks. */
class TencentSdkTest {

    /** The SDK's host is a protected field without a setter: a subclass points it at the test server. */
    static final class LocalSts extends Sts {
        LocalSts(String host) {
            serverHost = host;
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, HmacSHA1", "POST, HmacSHA256"})
    void getSessionTokenThroughTheSdk(String method, String signatureMethod) throws Exception {
        SSLSocketFactory originalFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        HostnameVerifier originalVerifier = HttpsURLConnection.getDefaultHostnameVerifier();
        try (TestServer server = TestServer.on("h2", Map.of("micronaut.server.ssl.enabled", true,
                "micronaut.server.ssl.build-self-signed", true, "micronaut.server.ssl.port", -1))) {
            // The test server's certificate is made at start; this JVM's HTTPS trusts it for the test's duration.
            HttpsURLConnection.setDefaultSSLSocketFactory(trustingAll().getSocketFactory());
            HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> true);
            server.clock.set(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
            NcpFixture acme = new NcpFixture(server, "Acme");

            TreeMap<String, Object> config = new TreeMap<>();
            config.put("SecretId", acme.userKey.id().value());
            config.put("SecretKey", acme.userKey.secret().reveal());
            config.put("RequestMethod", method);
            QcloudApiModuleCenter sts = new QcloudApiModuleCenter(new LocalSts("127.0.0.1:" + server.server.getPort()), config);

            TreeMap<String, Object> parameters = new TreeMap<>();
            parameters.put("tokenCode", acme.code(1));
            parameters.put("durationSeconds", 900);
            if (signatureMethod.equals("HmacSHA256")) {
                parameters.put("SignatureMethod", "HmacSHA256");
            }
            Map<String, Object> answer = acme.json(sts.call("GetSessionToken", parameters));
            assertEquals(0, answer.get("code"), answer.toString());
            Map<?, ?> data = (Map<?, ?>) answer.get("data");
            assertEquals(server.clock.instant().plusSeconds(900), Instant.parse((String) data.get("expiredTime")));
            assertTrue(((String) ((Map<?, ?>) data.get("credentials")).get("tmpSecretId")).startsWith("GKST"));

            // The same code again: the SDK sees Tencent's MFA failure because it comes with HTTP 200.
            TreeMap<String, Object> replay = new TreeMap<>(Map.of("tokenCode", parameters.get("tokenCode")));
            Map<String, Object> refused = acme.json(sts.call("GetSessionToken", replay));
            assertEquals(4106, refused.get("code"));
            assertEquals("(60006)MFA Invalid", refused.get("message"));
        } finally {
            HttpsURLConnection.setDefaultSSLSocketFactory(originalFactory);
            HttpsURLConnection.setDefaultHostnameVerifier(originalVerifier);
        }
    }

    private static SSLContext trustingAll() throws Exception {
        X509TrustManager all = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {all}, new SecureRandom());
        return context;
    }
}
