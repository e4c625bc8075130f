import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load for Gatekey's NCP door: signed requests (signature v2) from several threads for a fixed time, then
 * throughput, latency percentiles and status counts. Targets loopback only and stops by itself.
 *
 *   java scripts/NcpLoad.java --access-key GKAK... --secret-key ... [--url http://127.0.0.1:8080]
 *        [--path /api/v1/credentials] [--method GET] [--body JSON] [--threads 8] [--seconds 20]
 */
public final class NcpLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("--url", "http://127.0.0.1:8080", "--path", "/api/v1/credentials",
                "--method", "GET", "--threads", "8", "--seconds", "20", "--body", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        URI base = URI.create(options.get("--url"));
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("load is sent to loopback addresses only, not " + base.getHost());
        }
        String accessKey = require(options, "--access-key");
        String secretKey = require(options, "--secret-key");
        String path = options.get("--path");
        String method = options.get("--method");
        String body = options.get("--body");
        int threads = Integer.parseInt(options.get("--threads"));
        long seconds = Math.min(300, Long.parseLong(options.get("--seconds")));

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long timestamp = System.currentTimeMillis();
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                            .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/json")
                            .header("x-ncp-apigw-timestamp", Long.toString(timestamp))
                            .header("x-ncp-iam-access-key", accessKey)
                            .header("x-ncp-apigw-signature-v2", sign(secretKey, method + " " + path + "\n" + timestamp + "\n" + accessKey))
                            .build();
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies.add(System.nanoTime() - start);
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d requests in %d s with %d threads: %.0f req/s%n", sorted.size(), seconds, threads, sorted.size() / (double) seconds);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 100));
        System.out.println("statuses: " + new TreeMap<>(statuses));
    }

    private static double pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    private static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
