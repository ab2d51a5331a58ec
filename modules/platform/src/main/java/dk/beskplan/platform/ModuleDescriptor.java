package dk.beskplan.platform;

import java.util.regex.Pattern;

/**
 * A business module as the platform sees it. Its name is also its PostgreSQL schema, the folder of its
 * Flyway migrations ({@code db/migration/<name>}) and the last part of its queue name. Each module
 * registers one of these as a bean; the platform then creates its schema, outbox, inbox and queue.
 */
public record ModuleDescriptor(String name) {
    private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]{1,30}");

    public ModuleDescriptor {
        // The name ends up in SQL identifiers and queue names: keep it to a boring safe alphabet.
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("Module name must match " + SAFE + ": " + name);
        }
    }

    public String schema() {
        return name;
    }

    /** A table of this module, schema-qualified, for SQL written by the platform. */
    public String table(String table) {
        return name + "." + table;
    }
}
