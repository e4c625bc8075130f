package io.gatekey.adapter.http.huawei;

import io.gatekey.adapter.http.Door;
import io.gatekey.adapter.http.RequestIds;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Huawei IAM's error bodies: {@code {error_code, error_msg}} at the top level, with {@code request_id} from 401 on
 * and {@code encoded_authorization_message} on 403. {@code APIGW.0301} is the gateway's own authentication code;
 * the v5 service codes are unpublished, so the {@code IAM.1xxx} codes below are this installation's choice.
 */
@Singleton
final class HuaweiErrors implements Door {

    static final String AUTHENTICATION = "APIGW.0301";
    static final String INVALID_PARAMETER = "IAM.1001";
    static final String WRONG_CODES = "IAM.1002";
    static final String FORBIDDEN = "IAM.1003";
    static final String NOT_FOUND = "IAM.1004";
    static final String CONFLICT = "IAM.1005";
    static final String ROUTE_NOT_FOUND = "APIGW.0101";
    static final String METHOD_NOT_ALLOWED = "APIGW.0102";
    static final String TOO_LARGE = "APIGW.0103";
    static final String UNAVAILABLE = "IAM.1503";
    static final String INTERNAL = "IAM.1500";

    @Override
    public String name() {
        return "huawei";
    }

    @Override
    public boolean owns(String path) {
        return path.startsWith("/v5/") || path.equals("/v5");
    }

    @Override
    public HttpResponse<?> error(CommonError error) {
        return switch (error) {
            case NOT_FOUND -> answer(HttpStatus.NOT_FOUND, ROUTE_NOT_FOUND, "The API does not exist or has not been published.");
            case METHOD_NOT_ALLOWED -> answer(HttpStatus.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, "The method is not allowed for this API.");
            case UNSUPPORTED_MEDIA_TYPE -> answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, INVALID_PARAMETER, "Content-Type must be application/json.");
            case PAYLOAD_TOO_LARGE -> answer(HttpStatus.REQUEST_ENTITY_TOO_LARGE, TOO_LARGE, "The request body is too large.");
            case HEADERS_TOO_LARGE -> answer(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, TOO_LARGE, "The request headers are too large.");
            case BAD_REQUEST -> answer(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "The request is malformed.");
            case UNAVAILABLE -> answer(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "The service is temporarily unavailable; retry later.");
            case INTERNAL -> answer(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "The request could not be completed.");
        };
    }

    static HttpResponse<?> authentication(String detail) {
        return answer(HttpStatus.UNAUTHORIZED, AUTHENTICATION, "Incorrect IAM authentication information: " + detail);
    }

    static HttpResponse<?> invalid(String message) {
        return answer(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, message);
    }

    static HttpResponse<?> answer(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("error_msg", message);
        if (status.getCode() >= 401) {
            body.put("request_id", RequestIds.current());
        }
        if (status == HttpStatus.FORBIDDEN) {
            // Huawei encrypts this for its STS decryption API, which Gatekey has not; it carries the reason, encoded.
            body.put("encoded_authorization_message", Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
