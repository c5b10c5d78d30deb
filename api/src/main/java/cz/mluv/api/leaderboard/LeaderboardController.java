package cz.mluv.api.leaderboard;

import cz.mluv.api.problem.UserNotFoundException;
import cz.mluv.db.leaderboard.Leaderboard;
import cz.mluv.db.leaderboard.LeaderboardMetric;
import cz.mluv.db.leaderboard.LeaderboardPage;
import cz.mluv.db.leaderboard.RankCursor;
import cz.mluv.db.leaderboard.RankedUser;
import cz.mluv.db.leaderboard.UserRank;
import cz.mluv.db.leaderboard.UserStatsSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import cz.mluv.api.docs.ApiDocs;
import cz.mluv.api.problem.ProblemDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;

/**
 * Leaderboards and active users, read from the materialized view user_stats_summary. Ranks are the
 * view's (computed at refresh): standard competition ranking, ties share a rank (1, 2, 2, 4) and
 * are listed by user id; the same rule in the top list, its pages and a user's rank. Runs on the
 * blocking executor, never on a Netty event loop: a request waiting for a database connection (up
 * to MLUV_API_DB_WAIT_MS in an outage) must not stall the other requests of its loop.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
@ApiResponse(responseCode = "400", description = ApiDocs.INVALID_PARAMETER,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL_ERROR,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.DATABASE_UNAVAILABLE,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
public class LeaderboardController {

    private final Leaderboard leaderboard;

    /** @param leaderboard db-core's view reads */
    public LeaderboardController(Leaderboard leaderboard) {
        this.leaderboard = leaderboard;
    }

    /**
     * @param metric total_stars, max_streak, total_messages or messages_last_7_days
     * @param limit  rows, 1..100
     * @param after  {@code <score>:<telegramId>}: the previous page's {@code nextAfter}; absent for the top
     * @return a page of the ranking and the cursor of the next one
     * @throws cz.mluv.db.InvalidParameterException naming the parameter (400)
     * @throws cz.mluv.db.leaderboard.StaleCursorException when the view was refreshed since the cursor's page (409)
     */
    @Operation(summary = "Users ranked by a metric, page by page (one SQL statement, index on the view)",
            description = "Ranks: standard competition ranking computed at the view's refresh (ties share a rank: 1, 2, 2, 4; "
                    + "listed by user id). Without `after`, the top `limit` users; with `after` (the previous page's `nextAfter`), "
                    + "the next `limit` users: a bounded index range scan at any depth. Pages are stable while the view is not "
                    + "refreshed; a cursor whose user has another score since is answered 409 (start again without `after`).")
    @ApiResponse(responseCode = "200", description = ApiDocs.CACHED_OK)
    @ApiResponse(responseCode = "409", description = ApiDocs.STALE_CURSOR,
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = ApiDocs.IF_NONE_MATCH)
    @Get("/leaderboard")
    public LeaderboardResponse leaderboard(
            @Parameter(description = "what to rank by", schema = @Schema(type = "string", defaultValue = "total_stars",
                    allowableValues = {"total_stars", "max_streak", "total_messages", "messages_last_7_days"}))
            @QueryValue(defaultValue = "total_stars") String metric,
            @Parameter(description = "rows, 1..100", schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
            @QueryValue(defaultValue = "10") int limit,
            @Parameter(description = "cursor `<score>:<telegramId>`: the previous page's nextAfter", example = "4013:200003509")
            @Nullable @QueryValue String after) {
        LeaderboardMetric m = LeaderboardMetric.parse(metric);
        RankCursor cursor = after == null ? null : RankCursor.parse(after);
        LeaderboardPage page = leaderboard.page(m, cursor, limit);
        List<LeaderboardEntry> entries = page.entries().stream().map(LeaderboardEntry::of).toList();
        Long ranked = page.entries().isEmpty() ? null : page.entries().getFirst().rankedUsers();
        return new LeaderboardResponse(m.column(), ranked, entries, page.next() == null ? null : page.next().toString());
    }

    /**
     * @param telegramId the user
     * @param metric     total_stars, max_streak, total_messages or messages_last_7_days
     * @param around     neighbours on each side, 0..50
     * @return the user's rank, the number of ranked users and the users listed around them
     * @throws UserNotFoundException when no ranked user has the id (404)
     */
    @Operation(summary = "A user's rank, score and neighbours in a leaderboard (one SQL statement)",
            description = "Rank by standard competition ranking (ties share a rank: 1, 2, 2, 4), computed at the view's refresh: "
                    + "the same cost for the first and the last user. `above` and `below` hold up to `around` users listed "
                    + "right before and after the user, best first. A user who registered after the last refresh is not ranked yet (404).")
    @ApiResponse(responseCode = "200", description = ApiDocs.CACHED_OK)
    @ApiResponse(responseCode = "404", description = ApiDocs.USER_NOT_FOUND + " among the ranked users (or registered after the last refresh)",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = ApiDocs.IF_NONE_MATCH)
    @Get("/leaderboard/users/{telegramId}")
    public UserRankResponse rank(@Parameter(description = "the user's Telegram id (a 64-bit integer)") @PathVariable long telegramId,
                                 @Parameter(description = "what to rank by", schema = @Schema(type = "string", defaultValue = "total_stars",
                                         allowableValues = {"total_stars", "max_streak", "total_messages", "messages_last_7_days"}))
                                 @QueryValue(defaultValue = "total_stars") String metric,
                                 @Parameter(description = "neighbours on each side, 0..50",
                                         schema = @Schema(type = "integer", minimum = "0", maximum = "50", defaultValue = "5"))
                                 @QueryValue(defaultValue = "5") int around) {
        LeaderboardMetric m = LeaderboardMetric.parse(metric);
        UserRank r = leaderboard.rankOf(m, telegramId, around)
                .orElseThrow(() -> new UserNotFoundException("no ranked user with telegram id " + telegramId
                        + " (unknown, or registered after the leaderboard's last refresh)"));
        return new UserRankResponse(m.column(), r.rankedUsers(), LeaderboardEntry.of(r.user()), entries(r.above()), entries(r.below()));
    }

    private static List<LeaderboardEntry> entries(List<RankedUser> users) {
        return users.stream().map(LeaderboardEntry::of).toList();
    }

    /**
     * @param days  activity window, 1..365
     * @param limit rows, 1..100
     * @return users whose latest message is at most {@code days} old, most recent first
     */
    @Operation(summary = "Users active in the last N days (from the view), most recent first")
    @ApiResponse(responseCode = "200", description = ApiDocs.CACHED_OK + " (at most until the answer changes with the time)")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = ApiDocs.IF_NONE_MATCH)
    @Get("/users/active")
    public List<UserStatsSummary> active(@Parameter(description = "activity window, days, 1..365",
                                                 schema = @Schema(type = "integer", minimum = "1", maximum = "365", defaultValue = "7"))
                                         @QueryValue(defaultValue = "7") int days,
                                         @Parameter(description = "rows, 1..100",
                                                 schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "50"))
                                         @QueryValue(defaultValue = "50") int limit) {
        return leaderboard.activeUsers(days, limit);
    }

    /**
     * @param metric      the metric ranked by
     * @param rankedUsers how many users the leaderboard ranks; {@code null} on an empty page
     * @param entries     ranked users, best first
     * @param nextAfter   the {@code after} of the next page; {@code null} on the last page
     */
    @Serdeable
    public record LeaderboardResponse(String metric, @Nullable Long rankedUsers, List<LeaderboardEntry> entries,
                                      @Nullable String nextAfter) {
    }

    /**
     * @param metric      the metric ranked by
     * @param rankedUsers how many users the leaderboard ranks
     * @param user        the user asked about, with rank and score
     * @param above       up to {@code around} users listed right before the user, best first
     * @param below       up to {@code around} users listed right after the user, best first
     */
    @Serdeable
    public record UserRankResponse(String metric, long rankedUsers, LeaderboardEntry user, List<LeaderboardEntry> above,
                                   List<LeaderboardEntry> below) {
    }
}
