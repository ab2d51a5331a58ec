package dk.beskplan.platform.persistence;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.testing.TestServices;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start leaves Flyway out only when every history table matches the scripts on the class path, checksums included;
 * anything else runs Flyway, which applies what is new and refuses what was edited (docs/adr/0028).
 */
class ModuleMigrationsTest {
    private static final List<ModuleDescriptor> MODULES = List.of(new ModuleDescriptor("probe"));
    private final PGSimpleDataSource database = new PGSimpleDataSource();

    @BeforeEach
    void freshDatabase() {
        TestServices services = TestServices.get();
        database.setUrl(services.createDatabase());
        database.setUser(services.pgUser());
        database.setPassword(services.pgPassword());
    }

    @Test
    void aMigratedDatabaseIsRecognisedAndFlywayIsLeftOut() throws Exception {
        assertThat(ModuleMigrations.migrate(database, MODULES)).as("Flyway ran on the empty database").isTrue();
        assertThat(count("select count(*) from probe.flyway_schema_history where type = 'SQL'")).isEqualTo(1);
        assertThat(count("select count(*) from probe.flyway_plumbing_history where type = 'SQL'")).isGreaterThanOrEqualTo(2);

        // The checksums this check computes are the ones Flyway stored: nothing to do the second time.
        assertThat(ModuleMigrations.migrate(database, MODULES)).as("Flyway ran on an up-to-date database").isFalse();
    }

    @Test
    void anEditedScriptStillFailsFlywaysValidation() throws Exception {
        ModuleMigrations.migrate(database, MODULES);
        execute("update platform.flyway_schema_history set checksum = checksum + 1 where version = '1'");

        assertThatThrownBy(() -> ModuleMigrations.migrate(database, MODULES))
                .isInstanceOf(FlywayValidateException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void aScriptTheDatabaseHasNotAppliedIsNotUpToDate() throws Exception {
        ModuleMigrations.migrate(database, MODULES);
        List<ModuleMigrations.Target> targets = ModuleMigrations.targets(MODULES);
        assertThat(MigrationHistory.upToDate(database, targets)).isTrue();

        execute("delete from probe.flyway_plumbing_history where version = '2'");
        assertThat(MigrationHistory.upToDate(database, targets)).as("a script missing from the history").isFalse();
    }

    @Test
    void aFailedMigrationOrAMissingHistoryIsNotUpToDate() throws Exception {
        List<ModuleMigrations.Target> targets = ModuleMigrations.targets(MODULES);
        assertThat(MigrationHistory.upToDate(database, targets)).as("an empty database").isFalse();

        ModuleMigrations.migrate(database, MODULES);
        execute("update probe.flyway_schema_history set success = false where version = '1'");
        assertThat(MigrationHistory.upToDate(database, targets)).as("a failed migration").isFalse();
    }

    @Test
    void scriptsAreReadFromTheApplicationsJarAsFromFolders(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        String first = "create table a (id int);\r\n-- æøå\r\n";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("db/", "db/x/", "db/x/more/")) { // as the packaged jar has them
                out.putNextEntry(new JarEntry(folder));
            }
            out.putNextEntry(new JarEntry("db/x/V1__first_table.sql"));
            out.write(("\uFEFF" + first).getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("db/x/more/V2_1__second.sql"));
            out.write("select 1;".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("db/x/README.txt"));
            out.write("not a script".getBytes(StandardCharsets.UTF_8));
        }
        Path plain = dir.resolve("V1.sql");
        Files.writeString(plain, first.replace("\r\n", "\n"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            var scripts = MigrationHistory.scripts(loader, "db/x").orElseThrow();

            assertThat(scripts).containsOnlyKeys("1", "2.1");
            assertThat(scripts.get("1").description()).isEqualTo("first table");
            assertThat(scripts.get("2.1").description()).isEqualTo("second");
            // As Flyway: line breaks and a byte-order mark do not count.
            assertThat(scripts.get("1").checksum()).isEqualTo(MigrationHistory.checksum(() -> Files.newInputStream(plain)));
        }
    }

    @Test
    void aRepeatableScriptLeavesTheDecisionToFlyway(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("db/y"));
        Files.writeString(folder.resolve("V1__a.sql"), "select 1;");
        Files.writeString(folder.resolve("R__view.sql"), "select 1;");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(MigrationHistory.scripts(loader, "db/y")).isEmpty();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = database.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = database.getConnection()) {
            c.createStatement().execute(sql);
        }
    }
}
