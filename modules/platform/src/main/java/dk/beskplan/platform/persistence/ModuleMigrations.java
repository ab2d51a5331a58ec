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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Migrates every schema as soon as the DataSource exists, before anything uses it.
 *
 * <p>Each module runs its own Flyway with its own history table, so modules number their migrations
 * independently (docs/adr/0003). The outbox and inbox tables come from the platform's {@code db/plumbing}
 * migrations with a separate history table, so they are written once and evolve on their own.
 *
 * <p>Most starts find nothing to migrate, and eleven Flyway runs that each find so took a second and a half of a start
 * (docs/performance.md). So a start first compares every history table with the scripts on the class path
 * ({@link MigrationHistory}: the same versions, descriptions and checksums, every one applied successfully) and runs
 * Flyway only when something differs: a new script is applied, and an edited or missing one fails Flyway's validation as
 * before (docs/adr/0028).
 */
@Singleton
public class ModuleMigrations implements BeanCreatedEventListener<DataSource> {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleMigrations.class);
    private static final String PLATFORM_SCHEMA = "platform";

    private final BeanContext beanContext;

    public ModuleMigrations(BeanContext beanContext) {
        this.beanContext = beanContext;
    }

    /** One Flyway history: a schema, its history table and the class-path folder of its scripts. */
    record Target(String schema, String historyTable, String location) {
        String path() {
            return location.substring("classpath:".length());
        }
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // The bean may be Micronaut's transaction-aware wrapper, which needs the very bean being created:
        // migrate through the raw pool underneath it.
        migrate(DelegatingDataSource.unwrapDataSource(event.getBean()), beanContext.getBeansOfType(ModuleDescriptor.class));
        return event.getBean();
    }

    /** Migrates the platform's schema and each module's; returns whether Flyway ran (false: all were up to date). */
    static boolean migrate(DataSource dataSource, Collection<ModuleDescriptor> modules) {
        List<Target> targets = targets(modules);
        if (MigrationHistory.upToDate(dataSource, targets)) {
            LOG.info("Every schema is up to date ({} migration histories match the scripts and their checksums)", targets.size());
            return false;
        }
        for (Target target : targets) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(target.schema())
                    .createSchemas(true)
                    .table(target.historyTable())
                    .locations(target.location())
                    // The second history table in a schema sees the first one's tables: start from an empty baseline.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info("Schema {} ({}): {} migration(s) applied", target.schema(), target.location(), result.migrationsExecuted);
        }
        return true;
    }

    static List<Target> targets(Collection<ModuleDescriptor> modules) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(PLATFORM_SCHEMA, "flyway_schema_history", "classpath:db/migration/platform"));
        modules.stream().sorted(Comparator.comparing(ModuleDescriptor::name)).forEach(module -> {
            targets.add(new Target(module.schema(), "flyway_plumbing_history", "classpath:db/plumbing"));
            targets.add(new Target(module.schema(), "flyway_schema_history", "classpath:db/migration/" + module.name()));
        });
        return targets;
    }
}
