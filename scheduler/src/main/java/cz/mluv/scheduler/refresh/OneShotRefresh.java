package cz.mluv.scheduler.refresh;

import cz.mluv.db.refresh.RefreshOutcome;
import cz.mluv.db.refresh.SingleRunnerRefresh;
import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;

/**
 * The one-shot mode ({@code --once}): refreshes every configured view now through the
 * single-runner path and turns the result into an exit code for operators and CI.
 */
public final class OneShotRefresh {

    /** Every view refreshed. */
    public static final int OK = 0;
    /** A refresh failed (after its tries). */
    public static final int FAILED = 1;
    /** Bad arguments or configuration, or the database was not reachable at start. */
    public static final int USAGE = 2;
    /** Another worker was refreshing (holds the advisory lock); nothing failed. */
    public static final int LOCKED = 3;

    private OneShotRefresh() {
    }

    /**
     * @param ctx a started context with the datasource
     * @param out where one line per view goes
     * @return {@link #OK}, {@link #FAILED} (wins over the others) or {@link #LOCKED}
     */
    public static int run(ApplicationContext ctx, PrintStream out) {
        SingleRunnerRefresh refresh = ctx.getBean(SingleRunnerRefresh.class);
        int code = OK;
        for (String view : ctx.getBean(RefreshSchedule.class).views()) {
            RefreshOutcome outcome = refresh.refreshNow(view);
            switch (outcome) {
                case RefreshOutcome.Refreshed r -> out.printf("%s: refreshed %s, %d rows in %d ms (try %d, log id %d)%n",
                        view, r.mode(), r.rows(), r.durationMs(), r.attempts(), r.logId());
                case RefreshOutcome.Skipped s -> {
                    out.printf("%s: skipped, %s%n", view, s.reason());
                    code = code == FAILED ? FAILED : s.reason() == RefreshOutcome.SkipReason.LOCKED_BY_ANOTHER_WORKER ? LOCKED : FAILED;
                }
                case RefreshOutcome.Failed f -> {
                    out.printf("%s: FAILED after %d %s (%s): %s%n", view, f.attempts(), f.attempts() == 1 ? "try" : "tries",
                            f.sqlState(), f.error());
                    code = FAILED;
                }
            }
        }
        return code;
    }
}
