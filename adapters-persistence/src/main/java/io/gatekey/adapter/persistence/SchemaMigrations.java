package io.gatekey.adapter.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database's schema up to date with Gatekey's Flyway migrations. */
public final class SchemaMigrations {

    public static final String LOCATION = "classpath:db/migration";
    /** The newest migration's version; a test keeps it equal to the newest script in {@code db/migration}. */
    public static final int LATEST_VERSION = 3;

    private SchemaMigrations() {
    }

    /** Returns how many migrations ran; zero when the schema was current. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate().migrationsExecuted;
    }

    /**
     * Whether the schema already has the newest migration, read from Flyway's history table without starting Flyway
     * (which costs a short command most of its start-up).
     */
    public static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")) {
            int newest = 0;
            while (rs.next()) {
                newest = Math.max(newest, Integer.parseInt(rs.getString(1)));
            }
            return newest >= LATEST_VERSION;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }
}
