package io.gatekey.adapter.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Migrates the schema when the pool is created, before anything uses it, where {@code gatekey.database.migrate-at-start}
 * is true (the server). Any number of nodes may start at once: one migrates, the others wait for it.
 */
@Singleton
@Requires(property = MigrateAtStart.PROPERTY, value = "true")
final class MigrateAtStart implements BeanCreatedEventListener<DataSource> {

    static final String PROPERTY = "gatekey.database.migrate-at-start";

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        SchemaMigrations.migrateIfBehind(DelegatingDataSource.unwrapDataSource(event.getBean()));
        return event.getBean();
    }
}
