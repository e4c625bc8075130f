package io.gatekey.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's part in the console's protocol, by hand: a cookie jar, form posts, no redirects followed, the page's CSRF token read. */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final HttpClient http;
    private TestServer server;
    final Map<String, String> cookies = new LinkedHashMap<>();
    /** The Set-Cookie lines of the last answer. */
    List<String> setCookies = List.of();
    String csrf = "";

    ConsoleClient(TestServer server) {
        this(server, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** Through {@code http} (say one that trusts a test server's certificate); it must follow no redirects. */
    ConsoleClient(TestServer server, HttpClient http) {
        this.server = server;
        this.http = http;
    }

    /** Another browser holding this one's cookies and form token (a captured session), talking to {@code node}. */
    ConsoleClient copyOn(TestServer node) {
        ConsoleClient copy = new ConsoleClient(node);
        copy.cookies.putAll(cookies);
        copy.csrf = csrf;
        return copy;
    }

    /** The same browser, talking to another node from now on. */
    ConsoleClient on(TestServer node) {
        this.server = node;
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts the form with the CSRF token of the last page read (unless the fields name one). */
    HttpResponse<String> post(String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        form.values().removeIf(v -> v == null);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", uri("").toString().replaceAll("/$", ""))
                .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-User", "?1").header("Upgrade-Insecure-Requests", "1").header("Cache-Control", "max-age=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The server's address; over TLS by the name its self-signed certificate holds. */
    private URI uri(String path) {
        URI uri = server.uri(path);
        return uri.getScheme().equals("https") ? URI.create(uri.toString().replace("127.0.0.1", "localhost")) : uri;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            setCookies = response.headers().allValues("Set-Cookie");
            for (String line : setCookies) {
                String pair = line.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || line.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in with the password, then gives {@code code} at the code step when asked; returns the last answer. */
    HttpResponse<String> signIn(String alias, String loginId, String password) {
        get("/nsa/" + alias);
        return post("/nsa/" + alias + "/sign-in", "loginId", loginId, "password", password);
    }

    static URI location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }
}
