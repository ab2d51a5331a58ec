package dk.beskplan.platform.persistence;

import dk.beskplan.platform.ModuleDescriptor;
import io.micronaut.context.BeanContext;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Comparator;

/**
 * Migrates every schema as soon as the DataSource exists, before anything uses it.
 *
 * <p>Each module runs its own Flyway with its own history table, so modules number their migrations
 * independently (docs/adr/0003). The outbox and inbox tables come from the platform's {@code db/plumbing}
 * migrations with a separate history table, so they are written once and evolve on their own.
 */
@Singleton
public class ModuleMigrations implements BeanCreatedEventListener<DataSource> {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleMigrations.class);
    private static final String PLATFORM_SCHEMA = "platform";

    private final BeanContext beanContext;

    public ModuleMigrations(BeanContext beanContext) {
        this.beanContext = beanContext;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // The bean may be Micronaut's transaction-aware wrapper, which needs the very bean being created:
        // migrate through the raw pool underneath it.
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(event.getBean());
        migrate(dataSource, PLATFORM_SCHEMA, "flyway_schema_history", "classpath:db/migration/platform");
        beanContext.getBeansOfType(ModuleDescriptor.class).stream()
                .sorted(Comparator.comparing(ModuleDescriptor::name))
                .forEach(module -> {
                    migrate(dataSource, module.schema(), "flyway_plumbing_history", "classpath:db/plumbing");
                    migrate(dataSource, module.schema(), "flyway_schema_history", "classpath:db/migration/" + module.name());
                });
        return event.getBean();
    }

    private static void migrate(DataSource dataSource, String schema, String historyTable, String location) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .table(historyTable)
                .locations(location)
                // The second history table in a schema sees the first one's tables: start from an empty baseline.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info("Schema {} ({}): {} migration(s) applied", schema, location, result.migrationsExecuted);
    }
}
