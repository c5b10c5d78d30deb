package cz.mluv.benchmarks.build;

import cz.mluv.db.leaderboard.UserStatsSummaryRepository;
import cz.mluv.db.plan.NamedSql;
import cz.mluv.db.refresh.ViewRefresher;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Times {@code REFRESH MATERIALIZED VIEW user_stats_summary} plain and CONCURRENTLY through
 * db-core's {@link ViewRefresher} (which records each in mv_refresh_log), while a reader runs the
 * leaderboard query every 5 ms: the plain form's ACCESS EXCLUSIVE lock makes it wait, the
 * concurrent form's EXCLUSIVE lock does not.
 */
public final class ViewRefreshes {

    private final DataSource dataSource;

    /** @param dataSource the loaded database */
    public ViewRefreshes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param rounds how many times to run each form
     * @return PLAIN then CONCURRENTLY, {@code rounds} times
     * @throws SQLException when a refresh fails
     */
    public List<ViewRefresh> measure(int rounds) throws SQLException {
        String reader = NamedSql.parse(UserStatsSummaryRepository.TOP_BY_TOTAL_STARS_SQL).jdbcSql().replace("?", "10");
        List<ViewRefresh> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (ViewRefresher.Mode mode : List.of(ViewRefresher.Mode.PLAIN, ViewRefresher.Mode.CONCURRENTLY)) {
                Prober probe = new Prober(dataSource, reader, () -> 0, Duration.ofMillis(5));
                try (probe; Connection c = dataSource.getConnection()) {
                    ViewRefresher.Result result = ViewRefresher.refresh(c, "user_stats_summary", mode, "mluv-benchmarks");
                    out.add(new ViewRefresh(mode.name(), result.durationMs(), result.rows(), probe.stop()));
                }
            }
        }
        return out;
    }
}
