package io.gatekey.adapter.http.ncp;

import io.gatekey.adapter.http.Iso8601;
import io.gatekey.adapter.http.JsonFields;
import io.gatekey.domain.account.ApiAllowSource;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.IpRange;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountProfile;
import io.gatekey.domain.shared.InvalidValueException;
import io.micronaut.json.tree.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NCP's sub account fields, as its createsubaccount, putsubaccount and getsubaccount(s) pages name them: what a
 * request may carry (with NCP's required fields and bounds) and what a sub account answers with.
 */
final class NcpSubAccountFields {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NcpSubAccountFields() {
    }

    /** A create request's profile: {@code name}, {@code canAPIGatewayAccess}, {@code canConsoleAccess} and {@code needPasswordReset} are required. */
    static SubAccountProfile newProfile(JsonNode fields) {
        List<IpRange> ranges = ranges(fields).orElse(List.of());
        return new SubAccountProfile(requiredString(fields, "name"), email(fields),
                optionalString(fields, "memo").orElse(""), requiredBool(fields, "canAPIGatewayAccess"),
                optionalBool(fields, "useApiAllowSource").orElse(false), sources(fields).orElse(List.of()),
                requiredBool(fields, "canConsoleAccess"), optionalBool(fields, "isMfaMandatory").orElse(false),
                requiredBool(fields, "needPasswordReset"), optionalBool(fields, "useConsolePermitIp").orElse(!ranges.isEmpty()), ranges);
    }

    /** An update request's profile: {@code name} is required, every other field keeps its value unless given. */
    static SubAccountProfile changedProfile(SubAccountProfile current, JsonNode fields) {
        List<IpRange> ranges = ranges(fields).orElse(current.consolePermitIps());
        return new SubAccountProfile(requiredString(fields, "name"),
                JsonFields.raw(fields, "email").isPresent() ? email(fields) : current.email(),
                optionalString(fields, "memo").orElse(current.memo()),
                optionalBool(fields, "canAPIGatewayAccess").orElse(current.canApiGatewayAccess()),
                optionalBool(fields, "useApiAllowSource").orElse(current.useApiAllowSource()),
                sources(fields).orElse(current.apiAllowSources()),
                optionalBool(fields, "canConsoleAccess").orElse(current.canConsoleAccess()),
                optionalBool(fields, "isMfaMandatory").orElse(current.mfaMandatory()),
                optionalBool(fields, "needPasswordReset").orElse(current.needPasswordReset()),
                optionalBool(fields, "useConsolePermitIp").orElse(JsonFields.raw(fields, "consolePermitIps").isPresent()
                        ? !ranges.isEmpty() : current.useConsolePermitIp()),
                ranges);
    }

    /** Whether the sources are limited without naming one: that would refuse every request, so it is refused itself. */
    static void requireSourcesWhenLimited(SubAccountProfile profile) {
        if (profile.useApiAllowSource() && profile.apiAllowSources().isEmpty()) {
            throw new InvalidValueException("apiAllowSources", "at least one source when useApiAllowSource is true");
        }
    }

    /**
     * The console password a request sets: generated when {@code needPasswordGenerate} is true, else the given
     * {@code password}, which is required when {@code required} (console access without a generated one).
     */
    static Optional<ConsolePassword> password(JsonNode fields, boolean required) {
        if (optionalBool(fields, "needPasswordGenerate").orElse(false)) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            return Optional.of(ConsolePassword.generate(random));
        }
        Optional<String> given = optionalString(fields, "password");
        if (given.isEmpty() && required) {
            throw new InvalidValueException("password", "required unless needPasswordGenerate is true");
        }
        return given.map(ConsolePassword::of);
    }

    static boolean generated(JsonNode fields) {
        return optionalBool(fields, "needPasswordGenerate").orElse(false);
    }

    /** The sub account as NCP's getsubaccount answers it. */
    static Map<String, Object> body(SubAccount user) {
        SubAccountProfile profile = user.profile();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subAccountId", user.id().value());
        body.put("subAccountNo", user.number());
        // NCP's resource name; the account part is this installation's account id.
        body.put("nrn", "nrn:PUB:IAM::" + user.accountId().value() + ":SubAccount/" + user.id().value());
        body.put("loginId", user.name().value());
        body.put("name", profile.name());
        body.put("email", profile.email().orElse(null));
        body.put("memo", profile.memo());
        body.put("active", user.active());
        body.put("canAPIGatewayAccess", profile.canApiGatewayAccess());
        body.put("useApiAllowSource", profile.useApiAllowSource());
        body.put("apiAllowSources", profile.apiAllowSources().stream().map(source -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", source.type());
            item.put("source", source.source().toString());
            return item;
        }).toList());
        body.put("canConsoleAccess", profile.canConsoleAccess());
        body.put("isMfaMandatory", profile.mfaMandatory());
        body.put("needPasswordReset", profile.needPasswordReset());
        body.put("useConsolePermitIp", profile.useConsolePermitIp());
        body.put("consolePermitIps", profile.consolePermitIps().stream().map(IpRange::toString).toList());
        body.put("createTime", Iso8601.seconds(user.createdAt()));
        body.put("modifiedTime", Iso8601.seconds(user.modifiedAt()));
        body.put("lastLoginTime", user.lastLoginAt().map(Iso8601::seconds).orElse(null));
        return body;
    }

    /** An empty email clears it. */
    private static Optional<String> email(JsonNode fields) {
        return optionalString(fields, "email").filter(address -> !address.isEmpty());
    }

    private static Optional<List<ApiAllowSource>> sources(JsonNode fields) {
        return array(fields, "apiAllowSources").map(items -> {
            List<ApiAllowSource> sources = new ArrayList<>();
            for (JsonNode item : items) {
                if (!item.isObject()) {
                    throw new InvalidValueException("apiAllowSources", "a list of {type, source}");
                }
                sources.add(ApiAllowSource.of(requiredString(item, "type"), requiredString(item, "source")));
            }
            return sources;
        });
    }

    private static Optional<List<IpRange>> ranges(JsonNode fields) {
        return array(fields, "consolePermitIps").map(items -> {
            List<IpRange> ranges = new ArrayList<>();
            for (JsonNode item : items) {
                if (!item.isString()) {
                    throw new InvalidValueException("consolePermitIps", "a list of CIDR ranges");
                }
                ranges.add(IpRange.parse("consolePermitIps", item.getStringValue()));
            }
            return ranges;
        });
    }

    private static Optional<List<JsonNode>> array(JsonNode fields, String field) {
        Optional<JsonNode> value = JsonFields.raw(fields, field).filter(node -> !node.isNull());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isArray()) {
            throw new InvalidValueException(field, "must be a list");
        }
        List<JsonNode> items = new ArrayList<>();
        value.get().values().forEach(items::add);
        if (items.size() > SubAccountProfile.MAX_RANGES) {
            throw new InvalidValueException(field, "at most " + SubAccountProfile.MAX_RANGES + " items");
        }
        return Optional.of(items);
    }

    static String requiredString(JsonNode fields, String field) {
        return optionalString(fields, field).orElseThrow(() -> new InvalidValueException(field, "required"));
    }

    static Optional<String> optionalString(JsonNode fields, String field) {
        try {
            return JsonFields.string(fields, field);
        } catch (JsonFields.BadJson e) {
            throw new InvalidValueException(field, "must be a string");
        }
    }

    static boolean requiredBool(JsonNode fields, String field) {
        return optionalBool(fields, field).orElseThrow(() -> new InvalidValueException(field, "required"));
    }

    static Optional<Boolean> optionalBool(JsonNode fields, String field) {
        try {
            return JsonFields.bool(fields, field);
        } catch (JsonFields.BadJson e) {
            throw new InvalidValueException(field, "must be true or false");
        }
    }
}
