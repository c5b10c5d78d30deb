package cz.mluv.db.user;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One row of the user-with-relations read: the user, its settings and stars (one-to-one, repeated
 * on every row) and at most one recent message (LEFT JOIN LATERAL ... LIMIT n).
 */
@Introspected
record UserProfileRow(long id, long telegramId, String firstName, @Nullable String username, String level,
                      Instant createdAt,
                      @Nullable String conversationStyle, @Nullable String correctionsLevel,
                      @Nullable String nativeLanguage, @Nullable Integer dailyGoal, @Nullable Boolean notifications,
                      @Nullable Integer starsTotal, @Nullable Integer starsAvailable,
                      @Nullable Long messageId, @Nullable String messageRole, @Nullable String messageText,
                      @Nullable Integer messageCorrectnessScore, @Nullable Instant messageCreatedAt) {
}
