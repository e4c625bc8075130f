package io.gatekey.adapter.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;

/** An embedding program's own data source, which Gatekey's pool takes its connections from instead of a URL. */
record ProvidedDataSource(DataSource dataSource) {

    @Singleton
    static final class UnderThePool implements BeanCreatedEventListener<DatasourceConfiguration> {

        private final Optional<ProvidedDataSource> provided;

        UnderThePool(Optional<ProvidedDataSource> provided) {
            this.provided = provided;
        }

        @Override
        public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
            provided.ifPresent(source -> event.getBean().setDataSource(source.dataSource()));
            return event.getBean();
        }
    }
}
