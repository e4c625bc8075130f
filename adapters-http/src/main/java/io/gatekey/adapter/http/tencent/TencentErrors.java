package io.gatekey.adapter.http.tencent;

import io.gatekey.adapter.http.Door;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tencent's v2 envelope, {@code {code, message, codeDesc, data}}, always with HTTP status 200: the v2 SDK discards
 * the body of any 4xx or 5xx answer, so its callers would never see the reason. The codes are Tencent's v2 codes;
 * the codeDesc words other than the document's {@code MFACheckFailed} are this installation's choice.
 */
@Singleton
final class TencentErrors implements Door {

    static final int INVALID_PARAMETER = 4000;
    static final int SIGNATURE_FAILED = 4100;
    static final int UNAUTHORIZED = 4102;
    static final int SECRET_ID_NOT_FOUND = 4104;
    static final int TOKEN_FAILED = 4105;
    static final int MFA_FAILED = 4106;
    static final int FORBIDDEN = 4300;
    static final int REPLAY = 4500;
    static final int INTERNAL = 6000;
    static final int UNSUPPORTED_ACTION = 6100;

    @Override
    public String name() {
        return "tencent";
    }

    @Override
    public boolean owns(String path) {
        return path.startsWith("/v2/") || path.equals("/v2");
    }

    @Override
    public HttpResponse<?> error(CommonError error) {
        return switch (error) {
            case NOT_FOUND -> failure(UNSUPPORTED_ACTION, "UnsupportedAction", "no such API path");
            case METHOD_NOT_ALLOWED -> failure(INVALID_PARAMETER, "InvalidParameter", "use GET or POST");
            case UNSUPPORTED_MEDIA_TYPE -> failure(INVALID_PARAMETER, "InvalidParameter", "post application/x-www-form-urlencoded or multipart/form-data");
            case PAYLOAD_TOO_LARGE -> failure(INVALID_PARAMETER, "InvalidParameter", "the request is too large");
            case HEADERS_TOO_LARGE -> failure(INVALID_PARAMETER, "InvalidParameter", "the request headers are too large");
            case BAD_REQUEST -> failure(INVALID_PARAMETER, "InvalidParameter", "malformed request");
            case UNAVAILABLE -> failure(INTERNAL, "InternalError", "the service is temporarily unavailable; retry later");
            case INTERNAL -> failure(INTERNAL, "InternalError", "the request could not be completed");
        };
    }

    static HttpResponse<?> failure(int code, String codeDesc, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("codeDesc", codeDesc);
        body.put("data", List.of());
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static HttpResponse<?> success(Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("message", "");
        body.put("codeDesc", "Success");
        body.put("data", data);
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static HttpResponse<?> invalid(String message) {
        return failure(INVALID_PARAMETER, "InvalidParameter", message);
    }

    static HttpResponse<?> mfaFailed() {
        return failure(MFA_FAILED, "MFACheckFailed", "(60006)MFA Invalid");
    }
}
