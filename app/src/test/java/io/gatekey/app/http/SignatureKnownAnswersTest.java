package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.qcloud.Common.Sign;
import io.gatekey.adapter.http.SignatureKnownAnswers;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The known requests each door checks its signature dialect against at start: their expected values, computed
 * here by Tencent's own SDK signer and by the tests' signers written from NCP's and Huawei's documents.
 */
class SignatureKnownAnswersTest {

    private static final String SECRET = "gatekey-known-answer-secret";
    private static final String ACCESS_KEY = "GKAKABCDEFGHIJKLMNOP";

    @Test
    void tencentsOwnSignerGivesTheKnownValues() throws Exception {
        for (String[] known : new String[][] {{"HmacSHA256", "0wbavmnULsbePddcTEJ/JxXtixNEfT2DEmi4+DOztz0="}, {"HmacSHA1", "uvqX9O0qIWSyJG+5wkmVmHqixf0="}}) {
            TreeMap<String, Object> parameters = new TreeMap<>();
            parameters.put("Action", "GetSessionToken");
            parameters.put("Nonce", "11886");
            parameters.put("SecretId", ACCESS_KEY);
            parameters.put("Timestamp", "1780308010");
            parameters.put("SignatureMethod", known[0]);
            parameters.put("tokenCode", "123456");
            parameters.put("durationSeconds", "1800");
            parameters.put("Region", "ap-guangzhou");
            String plain = Sign.makeSignPlainText(parameters, "GET", "sts.api.qcloud.com", "/v2/index.php");
            assertEquals(known[1], Sign.sign(plain, SECRET, known[0]), known[0]);
        }
    }

    @Test
    void theDocumentedNcpSignerGivesTheKnownValue() {
        assertEquals("QJ0tI40sMh1OOzkUp+pGZkF/SnRixckfgQsfbfJn3k4=", NcpClient.sign(SECRET, "POST", "/api/v1/credentials", 1780308010123L, ACCESS_KEY));
    }

    @Test
    void theDocumentedHuaweiSignerGivesTheKnownValue() throws Exception {
        String body = "{\"virtual_mfa_device_name\":\"alice-phone\",\"user_id\":\"u-1\"}";
        String date = "20260601T100010Z";
        String canonical = String.join("\n", "POST", HuaweiTestSigner.canonicalUri("/v5/virtual-mfa-devices"), HuaweiTestSigner.canonicalQuery(null),
                "content-type:application/json\nhost:iam.myhuaweicloud.com\nx-sdk-date:" + date + "\n", "content-type;host;x-sdk-date",
                HuaweiTestSigner.sha256Hex(body));
        assertEquals("581dfc85d29a5c335c0a10433859bc4be17a4ee3f16239364605364327eba8dc",
                HuaweiTestSigner.hmacHex(SECRET, "SDK-HMAC-SHA256\n" + date + "\n" + HuaweiTestSigner.sha256Hex(canonical)));
    }

    @Test
    void everyDoorChecksItsDialectWhenTheServerStartsAndAMismatchStopsItWithOneLine() throws Exception {
        try (TestServer server = TestServer.on("h2", Map.of())) {
            for (String door : new String[] {"ncp.NcpKnownAnswer", "tencent.TencentKnownAnswer", "huawei.HuaweiKnownAnswer"}) {
                Class<?> check = Class.forName("io.gatekey.adapter.http." + door);
                assertTrue(server.context.findBeanDefinition(check).isPresent(), door);
                assertTrue(check.isAnnotationPresent(io.micronaut.context.annotation.Context.class), door + " runs at start");
            }
        }
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> SignatureKnownAnswers.expect("NCP signature v2", "QJ0t", "AAAA"));
        assertEquals("self-test failed: the NCP signature v2 signature of the known request is AAAA where it must be QJ0t", stopped.getMessage());
    }
}
