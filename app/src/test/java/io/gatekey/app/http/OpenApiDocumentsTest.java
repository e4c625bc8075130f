package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI documents the server serves: every route it answers is in one of them and every documented route
 * exists; every example holds to its schema; and real answers of each door hold to the schema documented for
 * their status.
 */
class OpenApiDocumentsTest {

    private static final List<String> DOCUMENTS = List.of("ncp", "huawei", "tencent", "aws", "health", "console");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static NcpFixture acme;
    private static Map<String, Map<String, Object>> documents;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.on("h2", Map.of());
        acme = new NcpFixture(server, "Acme");
        documents = new TreeMap<>();
        for (String name : DOCUMENTS) {
            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/openapi/" + name + ".yml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, served.statusCode(), name);
            Map<String, Object> document = new Yaml().load(served.body());
            assertEquals("3.1.0", document.get("openapi"), name);
            documents.put(name, document);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** Follows a local {@code $ref} within the document. */
    private static Object resolve(Map<String, Object> document, Object node) {
        while (node instanceof Map<?, ?> m && m.get("$ref") instanceof String ref) {
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = map(target).get(part);
            }
            node = target;
        }
        return node;
    }

    private static String normalized(String path) {
        return path.replaceAll("\\{\\?[^}]*}", "").replaceAll("\\{[^}]*}", "{}");
    }

    /** "METHOD /path/{}" for every documented operation, with the operation. */
    private static Map<String, Map<String, Object>> operations(String name) {
        Map<String, Object> document = documents.get(name);
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        map(document.get("paths")).forEach((path, item) -> map(resolve(document, item)).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                operations.put(method.toUpperCase() + " " + normalized(path), map(resolve(document, operation)));
            }
        }));
        return operations;
    }

    @Test
    void everyRouteTheServerAnswersIsDocumentedAndEveryDocumentedRouteExists() {
        Set<String> served = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : server.context.getBean(Router.class).uriRoutes().toList()) {
            if (route.getTargetMethod().getDeclaringType().isAnnotationPresent(Endpoint.class) || route.getHttpMethodName().equals("HEAD")) {
                continue; // management endpoints are the management port's; HEAD comes with every GET
            }
            served.add(route.getHttpMethodName() + " " + normalized(route.getUriMatchTemplate().toPathString()));
        }
        Set<String> documented = new TreeSet<>();
        DOCUMENTS.forEach(name -> documented.addAll(operations(name).keySet()));
        assertEquals(served, documented);
        assertTrue(served.size() >= 28, served.toString());
    }

    @Test
    void everyExampleHoldsToItsSchema() {
        int examples = 0;
        for (String name : DOCUMENTS) {
            Map<String, Object> document = documents.get(name);
            for (Map.Entry<String, Map<String, Object>> operation : operations(name).entrySet()) {
                List<Map<String, Object>> media = new ArrayList<>();
                if (operation.getValue().get("requestBody") != null) {
                    Object content = map(resolve(document, operation.getValue().get("requestBody"))).get("content");
                    map(content).values().forEach(m -> media.add(map(m)));
                }
                Object responses = operation.getValue().get("responses");
                for (Object response : map(responses).values()) {
                    Object content = map(resolve(document, response)).get("content");
                    if (content != null) {
                        map(content).values().forEach(m -> media.add(map(m)));
                    }
                }
                for (Map<String, Object> type : media) {
                    List<Object> values = new ArrayList<>();
                    if (type.containsKey("example")) {
                        values.add(type.get("example"));
                    }
                    if (type.get("examples") instanceof Map<?, ?> named) {
                        named.values().forEach(example -> values.add(map(example).get("value")));
                    }
                    for (Object value : values) {
                        List<String> problems = new ArrayList<>();
                        check(document, type.get("schema"), value, "$", problems, true);
                        assertEquals(List.of(), problems, name + " " + operation.getKey() + ": " + value);
                        examples++;
                    }
                }
            }
        }
        assertTrue(examples >= 25, "examples checked: " + examples);
    }

    @Test
    void realAnswersHoldToTheSchemaOfTheirStatus() throws Exception {
        String user = acme.user.id().value();
        answer("ncp", "POST /api/v1/credentials", acme.user().send("POST", "/api/v1/credentials",
                "{\"durationSec\":900,\"serialNumber\":\"" + acme.serial + "\",\"tokenCode\":\"" + acme.code(1) + "\"}"));
        answer("ncp", "POST /credentials", acme.user().send("POST", "/credentials", "{\"durationSec\":5}"));
        answer("ncp", "GET /api/v1/credentials", acme.user().send("GET", "/api/v1/credentials", null));
        answer("ncp", "GET /api/v1/credentials", acme.user().raw("GET", "/api/v1/credentials", null, null));
        answer("ncp", "GET /api/v1/sub-accounts", acme.admin().send("GET", "/api/v1/sub-accounts?size=5", null));
        answer("ncp", "GET /api/v1/sub-accounts/{}", acme.admin().send("GET", "/api/v1/sub-accounts/" + user, null));
        answer("ncp", "GET /api/v1/sub-accounts/{}", acme.admin().send("GET", "/api/v1/sub-accounts/nobody", null));
        answer("ncp", "GET /api/v1/sub-accounts/{}/access-keys", acme.admin().send("GET", "/api/v1/sub-accounts/" + user + "/access-keys", null));
        answer("ncp", "GET /api/v1/sub-accounts/{}/credentials", acme.admin().send("GET", "/api/v1/sub-accounts/" + user + "/credentials", null));
        answer("ncp", "PUT /api/v1/login-alias", acme.admin().send("PUT", "/api/v1/login-alias", "{\"loginAlias\":\"acme1\"}"));
        answer("ncp", "PUT /api/v1/login-alias", acme.admin().send("PUT", "/api/v1/login-alias", "{\"loginAlias\":\"Not An Alias\"}"));
        answer("ncp", "GET /api/v1/login-alias", acme.admin().send("GET", "/api/v1/login-alias", null));
        answer("ncp", "POST /api/v1/sub-accounts", acme.admin().send("POST", "/api/v1/sub-accounts",
                "{\"loginId\":\"bob\",\"name\":\"Bob\",\"canAPIGatewayAccess\":true,\"canConsoleAccess\":true,\"needPasswordGenerate\":true,\"needPasswordReset\":true}"));

        String admin = acme.adminKey.id().value();
        String secret = acme.adminKey.secret().reveal();
        answer("huawei", "GET /v5/mfa-devices", HuaweiTestSigner.send(server, "GET", "/v5/mfa-devices?limit=10", null, server.clock.instant(), admin, secret));
        answer("huawei", "GET /v5/mfa-devices", HuaweiTestSigner.send(server, "GET", "/v5/mfa-devices?limit=0", null, server.clock.instant(), admin, secret));
        answer("huawei", "GET /v5/mfa-devices", HuaweiTestSigner.send(server, "GET", "/v5/mfa-devices", null, server.clock.instant(), admin, "wrong"));
        String bob = acme.admin().send("GET", "/api/v1/sub-accounts?searchWord=bob", null).body().replaceAll(".*\"subAccountId\":\"([^\"]+)\".*", "$1");
        answer("huawei", "POST /v5/virtual-mfa-devices", HuaweiTestSigner.send(server, "POST", "/v5/virtual-mfa-devices",
                "{\"virtual_mfa_device_name\":\"bob-phone\",\"user_id\":\"" + bob + "\"}", server.clock.instant(), admin, secret));

        TencentClient tencent = new TencentClient(server, acme.userKey.id().value(), acme.userKey.secret().reveal(), null);
        answer("tencent", "GET /v2/index.php", tencent.send(TencentClient.Style.GET, tencent.signed(Map.of("tokenCode", acme.code(2)), "GET", "HmacSHA256")));
        answer("tencent", "GET /v2/index.php", tencent.send(TencentClient.Style.GET, tencent.signed(Map.of("tokenCode", acme.code(2)), "GET", "HmacSHA256")));

        answer("aws", "POST /", HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(), HttpResponse.BodyHandlers.ofString()));

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
        answer("health", "GET /health", health);
    }

    /** The answer's body holds to the schema the document gives for its status. */
    private static void answer(String name, String operation, HttpResponse<String> response) throws Exception {
        Map<String, Object> document = documents.get(name);
        Map<String, Object> documented = operations(name).get(operation);
        Object byStatus = map(documented.get("responses")).get(Integer.toString(response.statusCode()));
        assertTrue(byStatus != null, name + " " + operation + " does not document " + response.statusCode() + ": " + response.body());
        Object content = map(resolve(document, byStatus)).get("content");
        if (content == null) {
            assertTrue(response.body().isEmpty(), operation + " documents no body: " + response.body());
            return;
        }
        if (map(content).containsKey("text/xml")) {
            assertTrue(response.body().startsWith("<"), operation + " answers XML: " + response.body());
            return;
        }
        Object schema = map(map(content).get("application/json")).get("schema");
        List<String> problems = new ArrayList<>();
        check(document, schema, JSON.readValue(response.body(), Object.class), "$", problems, true);
        assertEquals(List.of(), problems, name + " " + operation + " " + response.statusCode() + ": " + response.body());
    }

    /**
     * The JSON Schema rules the documents use, enough to hold a value to them; {@code closed}: an object's fields
     * must all be documented (in its properties, or those of every part of its allOf).
     */
    private static void check(Map<String, Object> document, Object schemaNode, Object value, String at, List<String> problems, boolean closed) {
        Map<String, Object> schema = map(resolve(document, schemaNode));
        if (schema == null) {
            problems.add(at + ": no schema");
            return;
        }
        if (schema.get("allOf") instanceof List<?> all) {
            all.forEach(part -> check(document, part, value, at, problems, false));
            if (closed && value instanceof Map<?, ?> object) {
                Set<Object> known = new TreeSet<>();
                all.forEach(part -> {
                    Object properties = map(resolve(document, part)).get("properties");
                    if (properties != null) {
                        known.addAll(map(properties).keySet());
                    }
                });
                object.keySet().stream().filter(field -> !known.contains(field)).forEach(field -> problems.add(at + ": " + field + " is not documented"));
            }
        }
        if (schema.get("oneOf") instanceof List<?> one) {
            long holding = one.stream().filter(part -> {
                List<String> found = new ArrayList<>();
                check(document, part, value, at, found, closed);
                return found.isEmpty();
            }).count();
            if (holding != 1) {
                problems.add(at + ": holds to " + holding + " of the oneOf schemas");
            }
        }
        Object type = schema.get("type");
        if (type != null) {
            List<?> types = type instanceof List<?> list ? list : List.of(type);
            if (types.stream().noneMatch(t -> isA((String) t, value))) {
                problems.add(at + ": " + value + " is not " + types);
                return;
            }
        }
        if (schema.containsKey("const") && !String.valueOf(schema.get("const")).equals(String.valueOf(value))) {
            problems.add(at + ": not " + schema.get("const"));
        }
        if (schema.get("enum") instanceof List<?> allowed && allowed.stream().map(String::valueOf).noneMatch(String.valueOf(value)::equals)) {
            problems.add(at + ": " + value + " not in " + allowed);
        }
        if (value instanceof String text) {
            if (schema.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(text).find()) {
                problems.add(at + ": " + text + " does not match " + pattern);
            }
            if (schema.get("minLength") instanceof Integer min && text.length() < min) {
                problems.add(at + ": shorter than " + min);
            }
            if (schema.get("maxLength") instanceof Integer max && text.length() > max) {
                problems.add(at + ": longer than " + max);
            }
        }
        if (value instanceof Number number) {
            BigDecimal n = new BigDecimal(number.toString());
            if (schema.get("minimum") instanceof Number min && n.compareTo(new BigDecimal(min.toString())) < 0) {
                problems.add(at + ": below " + min);
            }
            if (schema.get("maximum") instanceof Number max && n.compareTo(new BigDecimal(max.toString())) > 0) {
                problems.add(at + ": above " + max);
            }
        }
        if (value instanceof Map<?, ?> object) {
            if (schema.get("required") instanceof List<?> required) {
                required.stream().filter(field -> !object.containsKey(field)).forEach(field -> problems.add(at + ": " + field + " is missing"));
            }
            if (schema.get("properties") instanceof Map<?, ?> properties) {
                object.forEach((field, fieldValue) -> {
                    Object fieldSchema = properties.get(field);
                    if (fieldSchema != null) {
                        check(document, fieldSchema, fieldValue, at + "." + field, problems, true);
                    } else if (closed) {
                        problems.add(at + ": " + field + " is not documented");
                    }
                });
            }
        }
        if (value instanceof List<?> items) {
            if (schema.get("maxItems") instanceof Integer max && items.size() > max) {
                problems.add(at + ": more than " + max + " items");
            }
            if (schema.get("items") != null) {
                for (int i = 0; i < items.size(); i++) {
                    check(document, schema.get("items"), items.get(i), at + "[" + i + "]", problems, true);
                }
            }
        }
    }

    private static boolean isA(String type, Object value) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            default -> false;
        };
    }
}
