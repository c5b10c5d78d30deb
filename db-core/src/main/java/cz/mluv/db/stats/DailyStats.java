package cz.mluv.db.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One user's statistics for one day (a row of {@code daily_stats}).
 *
 * @param date           the day
 * @param messagesCount  messages the user wrote that day
 * @param wordsSaid      words in those messages
 * @param correctPercent mean correctness, 0-100; {@code null} when nothing was scored
 * @param streakDays     consecutive active days ending that day
 * @param starsEarned    stars earned that day
 */
@Serdeable
public record DailyStats(LocalDate date, int messagesCount, int wordsSaid, @Nullable BigDecimal correctPercent,
                         int streakDays, int starsEarned) {
}
