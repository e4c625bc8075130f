package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.testing.World;
import io.gatekey.domain.credential.TemporaryCredential;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** After enrolment and issuance, a dump of every table shows no seed and no secret in any form. */
class SecretsAtRestTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void noSecretIsStoredInPlainText(String kind) throws Exception {
        TestStore store = kind.equals("h2") ? TestStore.h2() : TestStore.mariaDb();
        World world = new World(store::ports);
        World.Device device = world.acme.enrolledDevice("phone");
        TemporaryCredential credential = assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class,
                world.acme.issueWithCode(device, device.code(1))).credential();

        byte[] dump = dumpAllTables(store);
        assertTrue(contains(dump, device.serial.value().getBytes(StandardCharsets.UTF_8)), "the dump must see the rows");

        byte[] seed = device.seed.bytes();
        List<byte[]> forbidden = new ArrayList<>(List.of(
                seed,
                device.seed.toBase32().getBytes(StandardCharsets.US_ASCII),
                device.seed.toBase32().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().formatHex(seed).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(seed),
                credential.secret().bytes(),
                credential.sessionToken().reveal().getBytes(StandardCharsets.US_ASCII)));
        for (World.Tenant tenant : List.of(world.acme, world.globex)) {
            forbidden.add(tenant.adminKey.secret().bytes());
            forbidden.add(tenant.userKey.secret().bytes());
        }
        for (byte[] secret : forbidden) {
            assertFalse(contains(dump, secret), "a secret appears in the database dump");
        }
    }

    private static byte[] dumpAllTables(TestStore store) throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(store.context.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.size() >= 6, "tables: " + tables);
            for (String table : tables) {
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            int type = rows.getMetaData().getColumnType(i);
                            if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
                                byte[] raw = rows.getBytes(i);
                                if (raw != null) {
                                    dump.write(raw);
                                    dump.write(0);
                                }
                                continue;
                            }
                            String text = rows.getString(i);
                            if (text != null) {
                                dump.write(text.getBytes(StandardCharsets.UTF_8));
                                dump.write(0);
                            }
                        }
                    }
                }
            }
        }
        return dump.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
