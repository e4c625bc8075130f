package io.gatekey.adapter.http.aws;

import io.gatekey.adapter.http.Sha256Hex;
import io.gatekey.adapter.http.SignatureKnownAnswers;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.micronaut.context.annotation.Context;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * AWS's published SigV4 test-suite request {@code get-vanilla}, built by this door's canonicalization and signed
 * under the suite's secret, checked at start (see {@link SignatureKnownAnswers}).
 */
@Context
final class AwsKnownAnswer {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    AwsKnownAnswer() {
        Map<String, List<String>> headers = Map.of("host", List.of("example.amazonaws.com"), "x-amz-date", List.of("20150830T123600Z"));
        String canonicalRequest = AwsSignatureV4.canonicalRequest("GET", "/", null, name -> headers.getOrDefault(name, List.of()), "host;x-amz-date",
                Sha256Hex.of(new byte[0]));
        String stringToSign = AwsSignatureV4.stringToSign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", canonicalRequest);
        SignatureKnownAnswers.expect("AWS SigV4 (get-vanilla)", SIGNATURE, HexFormat.of().formatHex(
                SignatureAlgorithm.AWS4_HMAC_SHA256.sign(SECRET.getBytes(StandardCharsets.UTF_8), stringToSign)));
    }
}
