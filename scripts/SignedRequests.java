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
 * Writes a wrk script that sends NCP signature v2 requests, each with its own timestamp and so its own signature
 * (a state-changing signed request is accepted once). wrk has no HMAC, so the requests are signed here beforehand
 * and the script cycles through them; timestamps start now and step one millisecond, so they stay within NCP's
 * five minutes for as many requests as are written (give a count larger than the runs will send). Run it as
 * {@code wrk -t T ... -s script -- T OFFSET}: each thread takes every T-th request from OFFSET on.
 *
 *   java scripts/SignedRequests.java --access-key GKAK... --secret-key ... --method POST --path /api/v1/credentials
 *        [--body '{"durationSec":900}'] [--count 200000] --out target/perf/post.lua
 */
public final class SignedRequests {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("--method", "GET", "--path", "/api/v1/credentials", "--body", "", "--count", "200000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String accessKey = require(options, "--access-key");
        String secretKey = require(options, "--secret-key");
        Path out = Path.of(require(options, "--out"));
        String method = options.get("--method");
        String path = options.get("--path");
        String body = options.get("--body");
        int count = Integer.parseInt(options.get("--count"));

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        long start = System.currentTimeMillis();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path data = Path.of(out + ".data");
        try (PrintWriter lines = new PrintWriter(Files.newBufferedWriter(data, StandardCharsets.UTF_8))) {
            for (int i = 0; i < count; i++) {
                long timestamp = start + i;
                String message = method + " " + path + "\n" + timestamp + "\n" + accessKey;
                lines.println(timestamp + " " + Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8))));
            }
        }
        // The signatures are read from the data file when each wrk thread starts (a script of that many constants
        // would be too large for LuaJIT).
        try (PrintWriter lua = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lua.println("-- " + count + " signed " + method + " " + path + ", generated at " + start);
            lua.println("local ts, sig, n, i, step = {}, {}, 0, 0, 1");
            // Each wrk thread takes every t-th request (run with: wrk -t T ... -s script -- T), so no two send one signature.
            lua.println("local threads = 0");
            lua.println("setup = function(thread) thread:set(\"id\", threads); threads = threads + 1 end");
            lua.println("local body = " + (body.isEmpty() ? "nil" : luaString(body)));
            lua.println("init = function(args)");
            lua.println("  for line in io.lines(" + luaString(data.toAbsolutePath().toString()) + ") do");
            lua.println("    local t, s = line:match(\"(%d+) (.+)\")");
            lua.println("    n = n + 1; ts[n] = t; sig[n] = s");
            lua.println("  end");
            // args: the number of threads, and where in the list this run starts (a run must not reuse another's).
            lua.println("  step = tonumber(args[1] or \"1\"); i = (id or 0) + tonumber(args[2] or \"0\")");
            lua.println("end");
            lua.println("request = function()");
            lua.println("  i = i + step");
            lua.println("  local headers = {}");
            lua.println("  local k = i % n + 1");
            lua.println("  headers[\"x-ncp-apigw-timestamp\"] = ts[k]");
            lua.println("  headers[\"x-ncp-iam-access-key\"] = " + luaString(accessKey));
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
