package dk.beskplan.platform.persistence;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

/**
 * The connection pool after a connection was found dead. When PostgreSQL restarts or fails over to the standby,
 * every connection the pool holds is dead, but the pool finds that out only one at a time, as each is handed out and
 * fails: a request per connection would be refused after the database is back. Evicting them all once one is found
 * dead lets the next request open a fresh connection instead (docs/operations.md, "Topology").
 */
@Singleton
public class ConnectionPool {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

    private final List<DataSource> dataSources;

    public ConnectionPool(List<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    /** Closes the idle connections now and the ones in use when they are given back; new ones are opened as needed. */
    public void evictAfterDeadConnection() {
        for (DataSource dataSource : dataSources) {
            try {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                    if (pool.getHikariPoolMXBean() != null) {
                        pool.getHikariPoolMXBean().softEvictConnections();
                        LOG.info("{}: connections evicted after one was found dead; new ones are opened as needed", pool.getPoolName());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("The connection pool could not be cleared: {}", e.toString());
            }
        }
    }
}
