package cz.mluv.db.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The {@code daily_stats} table as Micronaut Data maps it (the repository's entity type).
 *
 * @param id             generated identity
 * @param userId         users.id
 * @param date           the day
 * @param messagesCount  messages that day
 * @param wordsSaid      words that day
 * @param correctPercent mean correctness or {@code null}
 * @param streakDays     streak ending that day
 * @param starsEarned    stars that day
 */
@MappedEntity("daily_stats")
public record DailyStatsEntity(@Id @GeneratedValue @Nullable Long id, long userId, LocalDate date, int messagesCount,
                               int wordsSaid, @Nullable BigDecimal correctPercent, int streakDays, int starsEarned) {
}
