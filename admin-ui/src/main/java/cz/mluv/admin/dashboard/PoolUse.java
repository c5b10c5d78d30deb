package cz.mluv.admin.dashboard;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Hikari's live counters of this process's pool, as one line. */
final class PoolUse {

    private PoolUse() {
    }

    static String of(DataSource dataSource) {
        try {
            DataSource ds = DelegatingDataSource.unwrapDataSource(dataSource);
            if (!ds.isWrapperFor(HikariDataSource.class)) {
                return "not a Hikari pool";
            }
            HikariDataSource hikari = ds.unwrap(HikariDataSource.class);
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            return pool.getActiveConnections() + " active, " + pool.getIdleConnections() + " idle, "
                    + pool.getTotalConnections() + " open of max " + hikari.getMaximumPoolSize() + ", "
                    + pool.getThreadsAwaitingConnection() + " waiting (pool " + hikari.getPoolName() + ")";
        } catch (SQLException e) {
            return "unknown: " + e.getMessage();
        }
    }
}
