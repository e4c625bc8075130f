package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed certificate on request, or with the operator's PEM or PKCS12 certificate. */
class TlsTest {

    @TempDir
    Path dir;

    @Test
    void aSelfSignedCertificateServesHttps() throws Exception {
        assertHealthOverHttps(Map.of("micronaut.server.ssl.enabled", true, "micronaut.server.ssl.build-self-signed", true), null);
    }

    @Test
    void aPemCertificateServesHttps() throws Exception {
        KeyPair pair = keyPair();
        X509Certificate certificate = certificate(pair);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, pem(certificate));
        Files.writeString(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()));
        assertHealthOverHttps(Map.of("micronaut.server.ssl.enabled", true,
                "micronaut.server.ssl.key-store.key-path", "file:" + key, "micronaut.server.ssl.key-store.certificate-path", "file:" + cert), certificate);
    }

    @Test
    void aPkcs12KeyStoreServesHttps() throws Exception {
        KeyPair pair = keyPair();
        X509Certificate certificate = certificate(pair);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("gatekey", pair.getPrivate(), "changeit".toCharArray(), new java.security.cert.Certificate[] {certificate});
        Path file = dir.resolve("gatekey.p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        assertHealthOverHttps(Map.of("micronaut.server.ssl.enabled", true, "micronaut.server.ssl.key-store.path", "file:" + file,
                "micronaut.server.ssl.key-store.password", "changeit", "micronaut.server.ssl.key-store.type", "PKCS12"), certificate);
    }

    private void assertHealthOverHttps(Map<String, Object> tls, X509Certificate trusted) throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(tls);
        config.put("micronaut.server.ssl.port", -1);
        try (TestServer server = TestServer.on("h2", config)) {
            URI uri = URI.create(server.uri("/health").toString().replace("127.0.0.1", "localhost"));
            assertEquals("https", uri.getScheme());
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(trusted)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("{\"status\":\"UP\"}", response.body());
        }
    }

    /** Trusts exactly {@code certificate}, or any certificate when it is null (the self-signed one is made at start, for localhost). */
    static SSLContext trusting(X509Certificate certificate) throws Exception {
        X509TrustManager manager = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
                if (certificate != null && !chain[0].equals(certificate)) {
                    throw new java.security.cert.CertificateException("unexpected certificate");
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {manager}, new SecureRandom());
        return context;
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair pair) throws Exception {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=localhost");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
