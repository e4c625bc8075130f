package io.gatekey.adapter.http.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatekey.domain.signature.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The door's canonicalization against AWS's published Signature Version 4 test suite: each case's request, on
 * the suite's date, key, region and service, must give the signature AWS publishes for it.
 */
class AwsSignatureV4SuiteTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String DATE = "20150830T123600Z";
    private static final String SCOPE = "20150830/us-east-1/service/aws4_request";

    /** A suite case: method, raw path, raw query (as on the wire), extra headers, body, signed headers, published signature. */
    record Case(String name, String method, String path, String query, Map<String, List<String>> headers, String body, String signedHeaders,
                String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> suite() {
        return List.of(
                new Case("get-vanilla", "GET", "/", null, Map.of(), "", "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Case("get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", null, Map.of(), "",
                        "host;x-amz-date", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
                new Case("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", Map.of(), "", "host;x-amz-date",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                new Case("get-vanilla-query-order-value", "GET", "/", "Param1=value2&Param1=value1", Map.of(), "", "host;x-amz-date",
                        "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
                new Case("get-vanilla-utf8-query", "GET", "/", "%E1%88%B4=bar", Map.of(), "", "host;x-amz-date",
                        "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
                new Case("get-header-value-order", "GET", "/", null, Map.of("my-header1", List.of("value4", "value1", "value3", "value2")), "",
                        "host;my-header1;x-amz-date", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
                new Case("get-header-key-duplicate", "GET", "/", null, Map.of("my-header1", List.of("value2", "value2", "value1")), "",
                        "host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
                new Case("get-header-value-trim", "GET", "/", null, Map.of("my-header1", List.of(" value1"), "my-header2", List.of("\"a   b   c\"")), "",
                        "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
                new Case("post-x-www-form-urlencoded", "POST", "/", null, Map.of("content-type", List.of("application/x-www-form-urlencoded")),
                        "Param1=value1", "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
                new Case("get-vanilla with a session token", "GET", "/", null,
                        Map.of("x-amz-security-token", List.of("6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267")), "",
                        "host;x-amz-date;x-amz-security-token", "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void signsAsAwsPublishes(Case suiteCase) {
        Map<String, List<String>> headers = new TreeMap<>(suiteCase.headers());
        headers.put("host", List.of("example.amazonaws.com"));
        headers.put("x-amz-date", List.of(DATE));
        String canonical = AwsSignatureV4.canonicalRequest(suiteCase.method(), suiteCase.path(), suiteCase.query(),
                name -> headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()), suiteCase.signedHeaders(),
                io.gatekey.adapter.http.Sha256Hex.of(suiteCase.body()));
        String stringToSign = AwsSignatureV4.stringToSign(DATE, SCOPE, canonical);
        assertEquals(suiteCase.signature(), HexFormat.of().formatHex(
                SignatureAlgorithm.AWS4_HMAC_SHA256.sign(SECRET.getBytes(StandardCharsets.UTF_8), stringToSign)));
    }
}
