package cz.mluv.db.leaderboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One row of the materialized view {@code user_stats_summary} (read-only).
 *
 * @param userId            users.id
 * @param telegramId        the user's Telegram id
 * @param firstName         first name
 * @param totalStars        stars earned in all (user_stars.total)
 * @param maxStreak         longest run of consecutive active days
 * @param totalMessages     messages the user wrote (role {@code user})
 * @param messagesLast7Days of those, written in the 7 days before the view's last refresh
 * @param lastActivity      time of the user's latest message; {@code null} if none
 */
@Serdeable
@MappedEntity("user_stats_summary")
public record UserStatsSummary(@Id long userId, long telegramId, String firstName, int totalStars, int maxStreak,
                               long totalMessages,
                               @MappedProperty("messages_last_7_days") long messagesLast7Days, @Nullable Instant lastActivity) {
}
