package dk.beskplan.archive.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.UUID;

/**
 * Verification for the API and the pages: the whole archive, or one plan's chain, in a read-only transaction; with
 * checkpoints configured, also against the newest checkpoint this application signed.
 */
@Singleton
public class Verification {
    private final JdbcOperations jdbc;
    private final Checkpoints checkpoints;

    Verification(JdbcOperations jdbc, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    @io.micronaut.transaction.annotation.ReadOnly
    public Verifier.Result verify(@Nullable UUID planId) {
        try {
            return Verifier.verify(jdbc.getConnection(), planId, checkpoints.newest().orElse(null));
        } catch (SQLException e) {
            throw new IllegalStateException("verification failed to read the archive", e);
        }
    }
}
