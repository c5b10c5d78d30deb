package cz.mluv.db.message;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A message found by Czech full-text search.
 *
 * @param id         messages.id
 * @param telegramId the author's Telegram id
 * @param firstName  the author's first name
 * @param role       {@code user} or {@code assistant}
 * @param text       the message text
 * @param createdAt  when it was written
 */
@Serdeable
public record SearchHit(long id, long telegramId, String firstName, String role, String text, Instant createdAt) {
}
