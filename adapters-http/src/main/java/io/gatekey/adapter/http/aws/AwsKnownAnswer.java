package io.gatekey.adapter.http.aws;

import io.gatekey.adapter.http.SignatureKnownAnswers;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.micronaut.context.annotation.Context;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * AWS's published SigV4 test-suite request {@code get-vanilla}, built by this door's canonicalization and signed
 * under the suite's secret, checked at start (see {@link SignatureKnownAnswers}).
 */
@Context
final class AwsKnownAnswer {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    AwsKnownAnswer() {
        String canonicalRequest = String.join("\n", "GET", AwsSignatureV4.canonicalUri("/"), AwsSignatureV4.canonicalQuery(null),
                "host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n", "host;x-amz-date", AwsSignatureV4.hexSha256(new byte[0]));
        String stringToSign = AwsSignatureV4.stringToSign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", canonicalRequest);
        SignatureKnownAnswers.expect("AWS SigV4 (get-vanilla)", SIGNATURE, HexFormat.of().formatHex(
                SignatureAlgorithm.AWS4_HMAC_SHA256.sign(SECRET.getBytes(StandardCharsets.UTF_8), stringToSign)));
    }
}
