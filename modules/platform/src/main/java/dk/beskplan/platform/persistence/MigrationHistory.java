package dk.beskplan.platform.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether the database holds exactly the migrations on the class path, so that a start can leave Flyway out
 * ({@link ModuleMigrations}). For every history table: its applied SQL migrations and the versioned scripts in its
 * folder ({@code V<version>__<description>.sql}) are the same versions with the same descriptions and the same
 * checksums, computed as Flyway computes them (CRC32 over each line's UTF-8 bytes without its line break, a leading
 * byte-order mark dropped), and no migration failed. Anything else — a history table missing, a script it does not
 * know how to read, a question it cannot answer — is "no", and Flyway runs and decides as it always did.
 */
final class MigrationHistory {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationHistory.class);
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__(.+)\\.sql");

    /** A migration as its history row records it. */
    record Migration(String version, String description, int checksum) {
    }

    private MigrationHistory() {
    }

    static boolean upToDate(DataSource dataSource, List<ModuleMigrations.Target> targets) {
        try (Connection connection = dataSource.getConnection()) {
            // The plumbing's folder serves every module: read its scripts once. The jar's SQL entries are listed
            // once for all folders: walking the application jar's 31,000 entries once per folder was almost a third
            // of a start's main thread (docs/performance.md).
            Map<String, Optional<Map<String, Migration>>> folders = new HashMap<>();
            Map<String, List<JarEntry>> sqlEntriesByJar = new HashMap<>();
            for (ModuleMigrations.Target target : targets) {
                if (!folders.containsKey(target.path())) {
                    folders.put(target.path(), scripts(MigrationHistory.class.getClassLoader(), target.path(), sqlEntriesByJar));
                }
                Optional<Map<String, Migration>> scripts = folders.get(target.path());
                Optional<Map<String, Migration>> applied = applied(connection, target);
                if (scripts.isEmpty() || applied.isEmpty() || !scripts.get().equals(applied.get())) {
                    LOG.debug("Schema {} ({}) differs from its scripts: Flyway runs", target.schema(), target.location());
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            LOG.debug("Migration histories not compared ({}): Flyway runs", e.toString());
            return false;
        }
    }

    /** The history table's successfully applied SQL migrations by version; empty when there is none or one failed. */
    static Optional<Map<String, Migration>> applied(Connection connection, ModuleMigrations.Target target) throws Exception {
        String table = target.schema() + "." + target.historyTable();
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        Map<String, Migration> applied = new HashMap<>();
        // The names are the platform's own (ModuleDescriptor keeps module names to [a-z0-9_]).
        try (PreparedStatement rows = connection.prepareStatement(
                "select version, description, checksum, success, type from " + table);
             ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString("type");
                if (!rs.getBoolean("success")) {
                    return Optional.empty();
                }
                if ("SQL".equals(type)) {
                    int checksum = rs.getInt("checksum");
                    if (rs.wasNull()) {
                        return Optional.empty();
                    }
                    applied.put(rs.getString("version"), new Migration(rs.getString("version"), rs.getString("description"), checksum));
                } else if (!"BASELINE".equals(type) && !"SCHEMA".equals(type)) {
                    return Optional.empty(); // a kind of migration this check does not know: Flyway's to judge
                }
            }
        }
        return Optional.of(applied);
    }

    /** The versioned scripts under the class-path folder (and its subfolders, as Flyway scans), by version. */
    static Optional<Map<String, Migration>> scripts(ClassLoader classLoader, String folder) throws Exception {
        return scripts(classLoader, folder, new HashMap<>());
    }

    /** As above; sqlEntriesByJar keeps each jar's SQL entries (by jar file name) for the next folder. */
    private static Optional<Map<String, Migration>> scripts(ClassLoader classLoader, String folder,
                                                            Map<String, List<JarEntry>> sqlEntriesByJar) throws Exception {
        Map<String, Migration> scripts = new HashMap<>();
        Enumeration<URL> roots = classLoader.getResources(folder);
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if ("file".equals(root.getProtocol())) {
                Path directory = Path.of(root.toURI());
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        if (!add(scripts, file.getFileName().toString(), () -> Files.newInputStream(file))) {
                            return Optional.empty();
                        }
                    }
                }
            } else if ("jar".equals(root.getProtocol())) {
                // The application's own jar, opened once by the class loader and cached: not closed here.
                JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile();
                String prefix = folder + "/";
                // Only SQL scripts count (add ignores the rest), so the jar's SQL entries are all a folder needs.
                List<JarEntry> sqlEntries = sqlEntriesByJar.computeIfAbsent(jar.getName(), name -> jar.stream()
                        .filter(e -> !e.isDirectory() && e.getName().endsWith(".sql")).toList());
                for (var entry : sqlEntries.stream().filter(e -> e.getName().startsWith(prefix)).toList()) {
                    String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                    if (!add(scripts, name, () -> jar.getInputStream(entry))) {
                        return Optional.empty();
                    }
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(scripts);
    }

    interface Source {
        InputStream open() throws IOException;
    }

    /** Adds a script; false for a file Flyway would treat in a way this check does not (repeatable, callback, twice). */
    private static boolean add(Map<String, Migration> scripts, String name, Source source) throws IOException {
        if (!name.endsWith(".sql")) {
            return true; // Flyway reads only SQL scripts here
        }
        Matcher versioned = VERSIONED.matcher(name);
        if (!versioned.matches()) {
            return false;
        }
        String version = versioned.group(1).replace('_', '.');
        Migration script = new Migration(version, versioned.group(2).replace('_', ' '), checksum(source));
        return scripts.putIfAbsent(version, script) == null;
    }

    /** Flyway's checksum of a script: CRC32 over the UTF-8 bytes of each line, without its line break. */
    static int checksum(Source source) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8), 4096)) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }
}
