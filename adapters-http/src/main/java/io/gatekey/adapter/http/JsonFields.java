package io.gatekey.adapter.http;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads request bodies as JSON trees, so each door checks every field itself and words its own errors (a typed
 * binding would fail earlier, in the framework's words).
 */
@Singleton
public final class JsonFields {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    private final JsonMapper mapper;

    JsonFields(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public JsonNode object(String body) throws BadJson {
        if (body == null || body.isBlank()) {
            return JsonNode.createObjectNode(Map.of());
        }
        JsonNode node;
        try {
            node = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new BadJson(null, "the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadJson(null, "the request body must be a JSON object");
        }
        return node;
    }

    /** A string field; absent or null is empty. */
    public static Optional<String> string(JsonNode object, String field) throws BadJson {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new BadJson(field, field + " must be a string");
        }
        return Optional.of(value.getStringValue());
    }

    /** A whole-number field, also accepted as a string of ASCII digits; absent or null is empty. */
    public static Optional<Long> integer(JsonNode object, String field) throws BadJson {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isString() && INTEGER.matcher(value.getStringValue()).matches()) {
            return Optional.of(Long.parseLong(value.getStringValue()));
        }
        if (value.isNumber()) {
            Number number = value.getNumberValue();
            if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
                return Optional.of(number.longValue());
            }
            if (number instanceof BigInteger big && big.bitLength() < 63) {
                return Optional.of(big.longValue());
            }
        }
        throw new BadJson(field, field + " must be an integer");
    }

    /** A boolean field; absent or null is empty. */
    public static Optional<Boolean> bool(JsonNode object, String field) throws BadJson {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new BadJson(field, field + " must be true or false");
        }
        return Optional.of(value.getBooleanValue());
    }

    /** The raw JSON value of a field, for fields a door reads in its own way. */
    public static Optional<JsonNode> raw(JsonNode object, String field) {
        return Optional.ofNullable(object.get(field)).filter(node -> !node.isNull());
    }

    /** A body or field that is not what the door expects; {@code field} is null for the body as a whole. */
    public static final class BadJson extends Exception {
        private final String field;

        public BadJson(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
