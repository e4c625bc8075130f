package io.gatekey.adapter.http.huawei;

import io.gatekey.adapter.http.Sha256Hex;
import io.gatekey.adapter.http.SignatureKnownAnswers;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.micronaut.context.annotation.Context;

/** Huawei's SDK-HMAC-SHA256 of a known request, checked at start (see {@link SignatureKnownAnswers}). */
@Context
final class HuaweiKnownAnswer {

    static final String BODY = "{\"virtual_mfa_device_name\":\"alice-phone\",\"user_id\":\"u-1\"}";
    static final String DATE = "20260601T100010Z";
    static final String HOST = "iam.myhuaweicloud.com";
    static final String SIGNATURE = "581dfc85d29a5c335c0a10433859bc4be17a4ee3f16239364605364327eba8dc";

    HuaweiKnownAnswer() {
        String stringToSign = HuaweiSignature.stringToSign("POST", "/v5/virtual-mfa-devices", null,
                "content-type:application/json\nhost:" + HOST + "\nx-sdk-date:" + DATE + "\n", "content-type;host;x-sdk-date",
                Sha256Hex.of(BODY), DATE);
        SignatureKnownAnswers.expect("Huawei SDK-HMAC-SHA256", SIGNATURE, SignatureKnownAnswers.hex(SignatureAlgorithm.HMAC_SHA256, stringToSign));
    }
}
