package cz.mluv.db.user;

import cz.mluv.db.message.Message;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A user with the relations asked for ({@code null} when not included).
 *
 * @param id             users.id
 * @param telegramId     the Telegram id
 * @param firstName      first name
 * @param username       Telegram username, if any
 * @param level          CEFR level A1..C2
 * @param createdAt      registration time
 * @param settings       conversation settings, when included (and present)
 * @param stars          star balance, when included (and present)
 * @param recentMessages newest messages first, when included
 */
@Serdeable
public record UserProfile(long id, long telegramId, String firstName, @Nullable String username, String level,
                          Instant createdAt, @Nullable Settings settings, @Nullable Stars stars,
                          @Nullable List<Message> recentMessages) {

    /**
     * @param conversationStyle friendly, formal, casual or teacher
     * @param correctionsLevel  minimal, balanced or strict
     * @param nativeLanguage    ISO 639-1 code
     * @param dailyGoal         messages per day
     * @param notifications     reminders on
     */
    @Serdeable
    public record Settings(String conversationStyle, String correctionsLevel, String nativeLanguage, int dailyGoal,
                           boolean notifications) {
    }

    /**
     * @param total     stars earned in all
     * @param available stars not spent yet
     */
    @Serdeable
    public record Stars(int total, int available) {
    }
}
