import io.gatekey.adapter.persistence.PersistentGatekey;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceName;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * Users with enabled virtual MFA devices, and wrk scripts that send each of them one code: the load of the MFA paths,
 * for Gatekey's NCP door and, beside it, Keycloak's direct grant with its conditional OTP. Every code is accepted
 * once, so a run needs as many fresh devices as it sends good codes: each list takes the devices from {@code --from}
 * on, one request per device, with the code of the current step (good) or a code of no step in the window (wrong).
 * Run it with Gatekey's jar on the class path.
 *
 *   java -cp app/target/gatekey.jar scripts/MfaLoad.java gatekey-devices --db-url jdbc:mariadb://127.0.0.1:3306/gatekey_perf
 *        --db-user root --db-password '' --master-key "$GATEKEY_MASTER_KEY" --count 20000 --out devices.tsv
 *   java -cp app/target/gatekey.jar scripts/MfaLoad.java gatekey-requests --devices devices.tsv --from 0 --count 10000 --code good|wrong --out ok.lua
 *   java -cp app/target/gatekey.jar scripts/MfaLoad.java keycloak-realm --count 20000 --out realm.json --secrets users.tsv
 *   java -cp app/target/gatekey.jar scripts/MfaLoad.java keycloak-requests --secrets users.tsv --from 0 --count 10000 --code good|wrong --out kc.lua
 *
 * The devices are enabled with the codes of ten minutes ago (an offset clock), so every step of now is still
 * unused. Run the lists as {@code wrk -t T ... -s script -- T}: each thread takes every T-th request.
 */
public final class MfaLoad {

    private static final String KEYCLOAK_PASSWORD = "perf-password";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        switch (args.length == 0 ? "" : args[0]) {
            case "gatekey-devices" -> gatekeyDevices(options);
            case "gatekey-requests" -> gatekeyRequests(options);
            case "keycloak-realm" -> keycloakRealm(options);
            case "keycloak-requests" -> keycloakRequests(options);
            default -> throw new IllegalArgumentException("gatekey-devices, gatekey-requests, keycloak-realm or keycloak-requests");
        }
    }

    /** Accounts of 500 users, each user with an access key and an enabled virtual device; a line per user. */
    private static void gatekeyDevices(Map<String, String> options) throws Exception {
        int count = Integer.parseInt(require(options, "--count"));
        Clock tenMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        try (PersistentGatekey gatekey = PersistentGatekey.onDatabase(require(options, "--db-url"), require(options, "--db-user"),
                options.getOrDefault("--db-password", "")).masterKey(require(options, "--master-key")).clock(tenMinutesAgo).open();
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(require(options, "--out")), StandardCharsets.UTF_8))) {
            GatekeyServices useCases = gatekey.useCases();
            Principal operator = gatekey.operator();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
            List<Future<List<String>>> accounts = new ArrayList<>();
            for (int first = 0; first < count; first += 500) {
                int from = first;
                int to = Math.min(count, first + 500);
                accounts.add(pool.submit(() -> {
                    AccountId account = useCases.createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName("mfa-perf-" + from)))
                            .account().id();
                    List<String> lines = new ArrayList<>();
                    for (int n = from; n < to; n++) {
                        SubAccount user = useCases.createSubAccount().create(
                                new CreateSubAccountUseCase.Command(operator, account, new SubAccountName("mfa" + n)));
                        AccessKey key = useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(operator, KeyOwner.subAccount(account, user.id())));
                        var device = useCases.createMfaDevice().create(new CreateMfaDeviceUseCase.Command(operator, user.id(), new MfaDeviceName("phone" + n)));
                        byte[] seed = Base32.decode(device.base32Seed());
                        long step = tenMinutesAgo.instant().getEpochSecond() / 30;
                        MfaCheck enabled = useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(operator, user.id(),
                                device.device().serialNumber(), code(seed, step - 1), code(seed, step)));
                        if (!(enabled instanceof MfaCheck.Accepted)) {
                            throw new IllegalStateException("device of mfa" + n + " not enabled: " + enabled);
                        }
                        lines.add(key.id().value() + "\t" + key.secret().reveal() + "\t" + device.device().serialNumber().value() + "\t" + device.base32Seed());
                    }
                    return lines;
                }));
            }
            for (Future<List<String>> account : accounts) {
                account.get().forEach(out::println);
            }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Signed NCP {@code POST /api/v1/credentials} with the device's serial number and a code, one per device. */
    private static void gatekeyRequests(Map<String, String> options) throws Exception {
        List<String[]> devices = slice(options, "--devices");
        boolean good = good(options);
        long now = System.currentTimeMillis();
        List<String> lines = new ArrayList<>();
        for (String[] device : devices) {
            String timestamp = Long.toString(now);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(device[1].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(
                    mac.doFinal(("POST /api/v1/credentials\n" + timestamp + "\n" + device[0]).getBytes(StandardCharsets.UTF_8)));
            String body = "{\"durationSec\":900,\"serialNumber\":\"" + device[2] + "\",\"tokenCode\":\""
                    + codeNow(Base32.decode(device[3]), now, good) + "\"}";
            lines.add(timestamp + "\t" + device[0] + "\t" + signature + "\t" + body);
        }
        writeScript(Path.of(require(options, "--out")), "/api/v1/credentials",
                List.of("x-ncp-apigw-timestamp", "x-ncp-iam-access-key", "x-ncp-apigw-signature-v2"), "application/json", lines);
    }

    /**
     * A realm for {@code kc.sh import}: a public client with direct grants, users with a password and a TOTP
     * credential (Keycloak's policy: HmacSHA1, 6 digits, 30 s, one step either side, each code once) and password
     * hashing made nearly free (PBKDF2 with one iteration), so that the MFA work is what compares.
     */
    private static void keycloakRealm(Map<String, String> options) throws IOException {
        int count = Integer.parseInt(require(options, "--count"));
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        try (PrintWriter realm = new PrintWriter(Files.newBufferedWriter(Path.of(require(options, "--out")), StandardCharsets.UTF_8));
             PrintWriter secrets = new PrintWriter(Files.newBufferedWriter(Path.of(require(options, "--secrets")), StandardCharsets.UTF_8))) {
            realm.println("{\"realm\":\"perf\",\"enabled\":true,\"sslRequired\":\"none\",");
            realm.println(" \"passwordPolicy\":\"hashAlgorithm(pbkdf2-sha256) and hashIterations(1)\",");
            realm.println(" \"otpPolicyType\":\"totp\",\"otpPolicyAlgorithm\":\"HmacSHA1\",\"otpPolicyDigits\":6,\"otpPolicyPeriod\":30,"
                    + "\"otpPolicyLookAheadWindow\":1,\"otpPolicyCodeReusable\":false,");
            realm.println(" \"clients\":[{\"clientId\":\"perf\",\"publicClient\":true,\"directAccessGrantsEnabled\":true,"
                    + "\"standardFlowEnabled\":false,\"enabled\":true}],");
            realm.println(" \"users\":[");
            for (int n = 0; n < count; n++) {
                StringBuilder secret = new StringBuilder();
                for (int i = 0; i < 20; i++) {
                    secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                secrets.println("kc" + n + "\t" + secret);
                // Keycloak keys the HMAC with the stored secret's UTF-8 bytes.
                realm.println((n == 0 ? "  " : " ,") + "{\"username\":\"kc" + n + "\",\"enabled\":true,\"email\":\"kc" + n
                        + "@perf.invalid\",\"emailVerified\":true,\"firstName\":\"K\",\"lastName\":\"C\",\"credentials\":["
                        + "{\"type\":\"password\",\"value\":\"" + KEYCLOAK_PASSWORD + "\",\"temporary\":false},"
                        + "{\"type\":\"otp\",\"userLabel\":\"phone\",\"secretData\":\"{\\\"value\\\":\\\"" + secret + "\\\"}\","
                        + "\"credentialData\":\"{\\\"subType\\\":\\\"totp\\\",\\\"digits\\\":6,\\\"counter\\\":0,\\\"period\\\":30,"
                        + "\\\"algorithm\\\":\\\"HmacSHA1\\\"}\"}]}");
            }
            realm.println(" ]}");
        }
    }

    /** Direct grants (password and code) at {@code /realms/perf/protocol/openid-connect/token}, one per user. */
    private static void keycloakRequests(Map<String, String> options) throws Exception {
        List<String[]> users = slice(options, "--secrets");
        boolean good = good(options);
        long now = System.currentTimeMillis();
        List<String> lines = new ArrayList<>();
        for (String[] user : users) {
            lines.add("grant_type=password&client_id=perf&username=" + user[0] + "&password=" + URLEncoder.encode(KEYCLOAK_PASSWORD, StandardCharsets.UTF_8)
                    + "&otp=" + codeNow(user[1].getBytes(StandardCharsets.UTF_8), now, good));
        }
        writeScript(Path.of(require(options, "--out")), "/realms/perf/protocol/openid-connect/token", List.of(),
                "application/x-www-form-urlencoded", lines);
    }

    /** The lines from --from, --count of them (all must be there: a list that ran out would repeat its codes). */
    private static List<String[]> slice(Map<String, String> options, String file) throws IOException {
        List<String> all = Files.readAllLines(Path.of(require(options, file)));
        int from = Integer.parseInt(require(options, "--from"));
        int count = Integer.parseInt(require(options, "--count"));
        if (from + count > all.size()) {
            throw new IllegalArgumentException(file + " has " + all.size() + " lines, " + (from + count) + " asked for");
        }
        return all.subList(from, from + count).stream().map(line -> line.split("\t")).toList();
    }

    private static boolean good(Map<String, String> options) {
        String code = require(options, "--code");
        if (!code.equals("good") && !code.equals("wrong")) {
            throw new IllegalArgumentException("--code good or wrong");
        }
        return code.equals("good");
    }

    /** The code of the current step, or a code of none of the steps a verifier looks at (now and one either side). */
    private static String codeNow(byte[] key, long nowMillis, boolean good) throws Exception {
        long step = nowMillis / 30_000;
        String current = code(key, step);
        if (good) {
            return current;
        }
        List<String> window = List.of(code(key, step - 1), current, code(key, step + 1), code(key, step + 2));
        int wrong = Integer.parseInt(current);
        do {
            wrong = (wrong + 1) % 1_000_000;
        } while (window.contains(String.format("%06d", wrong)));
        return String.format("%06d", wrong);
    }

    /** RFC 4226/6238 with HMAC-SHA1 and six digits. */
    private static String code(byte[] key, long step) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int value = ((hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8 | (hash[offset + 3] & 0xff)) % 1_000_000;
        return String.format("%06d", value);
    }

    /**
     * A wrk script of POSTs to {@code path}: each line of its data file holds the values of {@code headers} and the
     * body, tab-separated. The lines are read when each thread starts (as many constants would be too large for LuaJIT).
     */
    private static void writeScript(Path out, String path, List<String> headers, String contentType, List<String> lines) throws IOException {
        Path data = Path.of(out + ".data");
        Files.write(data, lines, StandardCharsets.UTF_8);
        try (PrintWriter lua = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lua.println("-- " + lines.size() + " POST " + path);
            lua.println("local rows, n, i, step, threads = {}, 0, 0, 1, 0");
            lua.println("setup = function(thread) thread:set(\"id\", threads); threads = threads + 1 end");
            lua.println("init = function(args)");
            lua.println("  for line in io.lines(\"" + data.toAbsolutePath() + "\") do");
            lua.println("    local fields = {}");
            lua.println("    for field in line:gmatch(\"[^\\t]+\") do fields[#fields + 1] = field end");
            lua.println("    n = n + 1; rows[n] = fields");
            lua.println("  end");
            lua.println("  step = tonumber(args[1] or \"1\"); i = id or 0");
            lua.println("end");
            lua.println("request = function()");
            lua.println("  local row = rows[i % n + 1]");
            lua.println("  i = i + step");
            lua.println("  local headers = { [\"Content-Type\"] = \"" + contentType + "\" }");
            for (int h = 0; h < headers.size(); h++) {
                lua.println("  headers[\"" + headers.get(h) + "\"] = row[" + (h + 1) + "]");
            }
            lua.println("  return wrk.format(\"POST\", \"" + path + "\", headers, row[" + (headers.size() + 1) + "])");
            lua.println("end");
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
