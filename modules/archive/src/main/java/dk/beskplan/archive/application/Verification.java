package dk.beskplan.archive.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.UUID;

/** Verification for the API and the pages: the whole archive, or one plan's chain, in a read-only transaction. */
@Singleton
public class Verification {
    private final JdbcOperations jdbc;

    Verification(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    @io.micronaut.transaction.annotation.ReadOnly
    public Verifier.Result verify(@Nullable UUID planId) {
        try {
            return Verifier.verify(jdbc.getConnection(), planId);
        } catch (SQLException e) {
            throw new IllegalStateException("verification failed to read the archive", e);
        }
    }
}
