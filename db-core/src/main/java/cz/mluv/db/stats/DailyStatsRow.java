package cz.mluv.db.stats;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A user joined to one of their daily_stats rows; {@code date == null}: none in the range. */
@Introspected
record DailyStatsRow(long userId, @Nullable LocalDate date, @Nullable Integer messagesCount, @Nullable Integer wordsSaid,
                     @Nullable BigDecimal correctPercent, @Nullable Integer streakDays, @Nullable Integer starsEarned) {

    DailyStats toStats() {
        return new DailyStats(date, messagesCount, wordsSaid, correctPercent, streakDays, starsEarned);
    }
}
