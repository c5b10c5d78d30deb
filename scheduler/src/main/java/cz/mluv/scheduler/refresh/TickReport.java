package cz.mluv.scheduler.refresh;

import cz.mluv.db.refresh.RefreshOutcome;
import java.time.Instant;

/**
 * What one worker did for one view at one tick.
 *
 * @param firedAt when the tick fired on this worker (its clock)
 * @param worker  the worker's name ({@code mluv.refresh.worker-name})
 * @param outcome refreshed, skipped (and why) or failed
 */
public record TickReport(Instant firedAt, String worker, RefreshOutcome outcome) {
}
