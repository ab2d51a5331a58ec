package dk.beskplan.followup.application;

import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** A municipality's follow-up settings (a row once they are first saved). */
@Singleton
class SettingsRepository {
    private final Sql sql;

    SettingsRepository(Sql sql) {
        this.sql = sql;
    }

    Optional<Settings.View> find(String municipality) {
        return sql.queryOne("select municipality, annual_due, mid_year, mid_year_due, escalation_name, escalation_email,"
                        + " default_manager, version from followup.settings where municipality = ?",
                rs -> new Settings.View(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getInt(8)), municipality);
    }

    /** Inserts or updates the municipality's settings; the version goes up by one. */
    void save(String municipality, String annualDue, boolean midYear, String midYearDue, String escalationName,
              String escalationEmail, String defaultManager, String updatedBy, Instant now) {
        sql.update("insert into followup.settings (municipality, annual_due, mid_year, mid_year_due, escalation_name, escalation_email,"
                        + " default_manager, version, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
                        + " on conflict (municipality) do update set annual_due = excluded.annual_due, mid_year = excluded.mid_year,"
                        + " mid_year_due = excluded.mid_year_due, escalation_name = excluded.escalation_name,"
                        + " escalation_email = excluded.escalation_email, default_manager = excluded.default_manager,"
                        + " version = followup.settings.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                municipality, annualDue, midYear, midYearDue, escalationName, escalationEmail, defaultManager, updatedBy, now);
    }
}
