package cz.mluv.api.leaderboard;

import cz.mluv.db.leaderboard.Leaderboard;
import cz.mluv.db.leaderboard.LeaderboardMetric;
import cz.mluv.db.leaderboard.UserStatsSummary;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Leaderboards and active users, read from the materialized view user_stats_summary. Runs on the blocking executor, never on a Netty event loop: a
 * request waiting for a database connection (up to MLUV_API_DB_WAIT_MS in an outage) must not
 * stall the other requests of its loop.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LeaderboardController {

    private final Leaderboard leaderboard;

    /** @param leaderboard db-core's view reads */
    public LeaderboardController(Leaderboard leaderboard) {
        this.leaderboard = leaderboard;
    }

    /**
     * @param metric  total_stars, max_streak, total_messages or messages_last_7_days
     * @param limit   rows, 1..100
     * @return the ranking
     */
    @Operation(summary = "Top users by a metric (one SQL statement, index on the view)")
    @Get("/leaderboard")
    public LeaderboardResponse leaderboard(
            @Parameter(description = "total_stars | max_streak | total_messages | messages_last_7_days")
            @QueryValue(defaultValue = "total_stars") String metric,
            @Parameter(description = "rows, 1..100") @QueryValue(defaultValue = "10") int limit) {
        LeaderboardMetric m = LeaderboardMetric.parse(metric);
        List<UserStatsSummary> rows = leaderboard.top(m, limit);
        List<LeaderboardEntry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            entries.add(LeaderboardEntry.of(i + 1, m, rows.get(i)));
        }
        return new LeaderboardResponse(m.column(), entries);
    }

    /**
     * @param days  activity window, 1..365
     * @param limit rows, 1..100
     * @return users whose latest message is at most {@code days} old, most recent first
     */
    @Operation(summary = "Users active in the last N days")
    @Get("/users/active")
    public List<UserStatsSummary> active(@QueryValue(defaultValue = "7") int days,
                                         @QueryValue(defaultValue = "50") int limit) {
        return leaderboard.activeUsers(days, limit);
    }

    /**
     * @param metric  the metric ranked by
     * @param entries ranked users, best first
     */
    @Serdeable
    public record LeaderboardResponse(String metric, List<LeaderboardEntry> entries) {
    }
}
