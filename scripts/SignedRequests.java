import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a wrk script that sends NCP signature v2 requests, each with its own signature (a state-changing signed
 * request is accepted once). wrk has no HMAC, so the requests are signed here beforehand and the script cycles
 * through them. Several keys (comma-separated, access keys and secret keys in the same order) take turns; each
 * round of them steps the timestamp one millisecond, from {@code --start-ms} (default now), so N keys give N
 * requests per millisecond within NCP's five minutes (give a count larger than the run will send). Run it as
 * {@code wrk -t T ... -s script -- T}: each thread takes every T-th request. It prints the
 * millisecond after its last timestamp: where a later list that must not repeat this one starts.
 *
 *   java scripts/SignedRequests.java --access-key GKAK...,GKAK... --secret-key ...,... --method POST --path /api/v1/credentials
 *        [--body '{"durationSec":900}'] [--count 200000] [--start-ms EPOCH_MS] --out target/perf/post.lua
 */
public final class SignedRequests {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("--method", "GET", "--path", "/api/v1/credentials", "--body", "", "--count", "200000",
                "--start-ms", Long.toString(System.currentTimeMillis())));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String[] accessKeys = require(options, "--access-key").split(",");
        String[] secretKeys = require(options, "--secret-key").split(",");
        if (accessKeys.length != secretKeys.length) {
            throw new IllegalArgumentException(accessKeys.length + " access keys but " + secretKeys.length + " secret keys");
        }
        Path out = Path.of(require(options, "--out"));
        String method = options.get("--method");
        String path = options.get("--path");
        String body = options.get("--body");
        int count = Integer.parseInt(options.get("--count"));
        long start = Long.parseLong(options.get("--start-ms"));

        Mac[] macs = new Mac[accessKeys.length];
        for (int k = 0; k < macs.length; k++) {
            macs[k] = Mac.getInstance("HmacSHA256");
            macs[k].init(new SecretKeySpec(secretKeys[k].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path data = Path.of(out + ".data");
        try (PrintWriter lines = new PrintWriter(Files.newBufferedWriter(data, StandardCharsets.UTF_8))) {
            for (int i = 0; i < count; i++) {
                int k = i % macs.length;
                long timestamp = start + i / macs.length;
                String message = method + " " + path + "\n" + timestamp + "\n" + accessKeys[k];
                lines.println(timestamp + " " + Base64.getEncoder().encodeToString(macs[k].doFinal(message.getBytes(StandardCharsets.UTF_8)))
                        + " " + accessKeys[k]);
            }
        }
        System.out.println(start + (count + macs.length - 1) / macs.length);
        // The signatures are read from the data file when each wrk thread starts (a script of that many constants
        // would be too large for LuaJIT).
        try (PrintWriter lua = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lua.println("-- " + count + " signed " + method + " " + path + ", from " + start);
            lua.println("local ts, sig, key, n, i, step = {}, {}, {}, 0, 0, 1");
            // Each wrk thread takes every t-th request (run with: wrk -t T ... -s script -- T), so no two send one signature.
            lua.println("local threads = 0");
            lua.println("setup = function(thread) thread:set(\"id\", threads); threads = threads + 1 end");
            lua.println("local body = " + (body.isEmpty() ? "nil" : luaString(body)));
            lua.println("init = function(args)");
            lua.println("  for line in io.lines(" + luaString(data.toAbsolutePath().toString()) + ") do");
            lua.println("    local t, s, a = line:match(\"(%d+) (%S+) (%S+)\")");
            lua.println("    n = n + 1; ts[n] = t; sig[n] = s; key[n] = a");
            lua.println("  end");
            // args: the number of threads.
            lua.println("  step = tonumber(args[1] or \"1\"); i = id or 0");
            lua.println("end");
            lua.println("request = function()");
            lua.println("  i = i + step");
            lua.println("  local headers = {}");
            lua.println("  local k = i % n + 1");
            lua.println("  headers[\"x-ncp-apigw-timestamp\"] = ts[k]");
            lua.println("  headers[\"x-ncp-iam-access-key\"] = key[k]");
            lua.println("  headers[\"x-ncp-apigw-signature-v2\"] = sig[k]");
            lua.println("  if body then headers[\"Content-Type\"] = \"application/json\" end");
            lua.println("  return wrk.format(" + luaString(method) + ", " + luaString(path) + ", headers, body)");
            lua.println("end");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String luaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
