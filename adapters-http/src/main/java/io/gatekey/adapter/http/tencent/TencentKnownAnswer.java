package io.gatekey.adapter.http.tencent;

import io.gatekey.adapter.http.SignatureKnownAnswers;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.micronaut.context.annotation.Context;
import java.util.Map;
import java.util.TreeMap;

/** Tencent v2 signatures (HmacSHA256 and HmacSHA1) of a known request, checked at start (see {@link SignatureKnownAnswers}). */
@Context
final class TencentKnownAnswer {

    static final String HOST = "sts.api.qcloud.com";
    static final String PATH = "/v2/index.php";
    static final String HMAC_SHA256 = "0wbavmnULsbePddcTEJ/JxXtixNEfT2DEmi4+DOztz0=";
    static final String HMAC_SHA1 = "uvqX9O0qIWSyJG+5wkmVmHqixf0=";

    TencentKnownAnswer() {
        SignatureKnownAnswers.expect("Tencent v2 HmacSHA256", HMAC_SHA256, SignatureKnownAnswers.base64(SignatureAlgorithm.HMAC_SHA256,
                TencentSignatureV2.stringToSign("GET", HOST, PATH, parameters("HmacSHA256"))));
        SignatureKnownAnswers.expect("Tencent v2 HmacSHA1", HMAC_SHA1, SignatureKnownAnswers.base64(SignatureAlgorithm.HMAC_SHA1,
                TencentSignatureV2.stringToSign("GET", HOST, PATH, parameters("HmacSHA1"))));
    }

    static Map<String, String> parameters(String signatureMethod) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("Action", "GetSessionToken");
        parameters.put("Nonce", "11886");
        parameters.put("SecretId", SignatureKnownAnswers.ACCESS_KEY);
        parameters.put("Timestamp", "1780308010");
        parameters.put("SignatureMethod", signatureMethod);
        parameters.put("tokenCode", "123456");
        parameters.put("durationSeconds", "1800");
        parameters.put("Region", "ap-guangzhou");
        return parameters;
    }
}
