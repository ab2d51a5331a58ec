package dk.beskplan.platform.security;

import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The submission ids of page forms already received, per session (see {@link RepeatedSubmissions}). */
@Singleton
public class FormSubmissions {
    /** Longer than any session lives (absolute time-out 12 h). */
    private static final Duration KEEP = Duration.ofDays(1);

    /** What became of the first request with a submission id. */
    public record First(boolean completed, String location) {
    }

    private final Sql sql;
    private final Clock clock;

    public FormSubmissions(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** True for the first request with this id in this session; false for a repeat. */
    @Transactional
    public boolean claim(String sessionHash, String submissionId) {
        sql.update("delete from platform.form_submission where created_at < ?", clock.instant().minus(KEEP));
        return sql.update("insert into platform.form_submission (session_hash, submission_id, created_at) values (?, ?, ?)"
                + " on conflict do nothing", sessionHash, submissionId, clock.instant()) == 1;
    }

    @Transactional
    public void complete(String sessionHash, String submissionId, String location) {
        sql.update("update platform.form_submission set completed_at = ?, location = ? where session_hash = ? and submission_id = ?",
                clock.instant(), location, sessionHash, submissionId);
    }

    @Transactional
    public Optional<First> first(String sessionHash, String submissionId) {
        return sql.queryOne("select completed_at is not null, location from platform.form_submission"
                        + " where session_hash = ? and submission_id = ?",
                rs -> new First(rs.getBoolean(1), rs.getString(2)), sessionHash, submissionId);
    }
}
