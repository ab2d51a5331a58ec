package dk.beskplan.platform.web;

import dk.beskplan.platform.persistence.ConnectionPool;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The database could not be reached for a request: the connection was lost (PostgreSQL restarting, a failover to the
 * standby, docs/operations.md) or the pool had none to give within its time-out, so the transaction could not begin.
 * The same request will succeed in a moment: it is answered 503 with Retry-After (a Danish page for people,
 * problem+json for the API) instead of a 500 "unexpected error".
 */
public class DatabaseUnavailable extends ProblemException {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);
    /** About what a restart or a failover takes; a load balancer or client retrying sooner only adds to the queue. */
    static final long RETRY_AFTER_SECONDS = 5;

    DatabaseUnavailable() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Prøv igen om lidt",
                "Databasen kunne ikke nås lige nu.", List.of());
    }

    static HttpResponse<?> answer(HttpRequest<?> request, RuntimeException cause) {
        // Logged once per request, without the stack: the pool and the driver have logged the cause already.
        LOG.warn("{} {}: the database could not be reached ({}); answered 503", request.getMethod(), request.getPath(),
                cause.toString());
        return Problems.response(request, new DatabaseUnavailable()).header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
    }

    /** Each kind of failure below answered the same way. */
    abstract static class Handler<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<?>> {
        /** Set where the failure was a connection found dead: the database restarted or failed over, so are the rest. */
        private final ConnectionPool deadConnections;

        Handler(ConnectionPool deadConnections) {
            this.deadConnections = deadConnections;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            if (deadConnections != null) {
                deadConnections.evictAfterDeadConnection();
            }
            return answer(request, exception);
        }
    }

    /**
     * No connection: the pool could not open or hand one out within its time-out. Nothing is evicted: every connection
     * may simply be busy under load, and closing them would add to it; the pool checks an idle connection before it
     * hands it out.
     */
    @Produces
    @Singleton
    static class NoConnectionHandler extends Handler<CannotGetJdbcConnectionException> {
        NoConnectionHandler() {
            super(null);
        }
    }

    /** The connection the pool handed out could not be set up for the transaction: it had been closed meanwhile. */
    @Produces
    @Singleton
    static class ConnectionHandler extends Handler<ConnectionException> {
        ConnectionHandler(ConnectionPool pool) {
            super(pool);
        }
    }

    /** The transaction could not begin on the connection it got. */
    @Produces
    @Singleton
    static class TransactionHandler extends Handler<CannotCreateTransactionException> {
        TransactionHandler(ConnectionPool pool) {
            super(pool);
        }
    }
}
