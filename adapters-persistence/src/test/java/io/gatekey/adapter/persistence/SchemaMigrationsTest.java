package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    @Test
    void theLatestVersionIsTheNewestScript() throws Exception {
        Path folder = Path.of(getClass().getResource("/db/migration").toURI());
        int newest;
        try (Stream<Path> scripts = Files.list(folder)) {
            newest = scripts.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow();
        }
        assertEquals(newest, SchemaMigrations.LATEST_VERSION);
    }

    @Test
    void anEmptyDatabaseIsBehindUntilMigrated() throws URISyntaxException {
        TestDatabases.Database database = TestDatabases.newH2Database();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        assertFalse(SchemaMigrations.isCurrent(dataSource));
        assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.migrate(dataSource));
        assertTrue(SchemaMigrations.isCurrent(dataSource));
        assertEquals(0, SchemaMigrations.migrate(dataSource));
    }
}
