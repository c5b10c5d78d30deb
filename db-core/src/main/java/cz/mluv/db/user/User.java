package cz.mluv.db.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * The {@code users} table as Micronaut Data maps it.
 *
 * @param id         generated identity
 * @param telegramId the Telegram id (unique)
 * @param firstName  first name
 * @param username   Telegram username, if any
 * @param level      CEFR level A1..C2
 * @param createdAt  registration time
 */
@MappedEntity("users")
public record User(@Id @GeneratedValue @Nullable Long id, long telegramId, String firstName, @Nullable String username,
                   String level, Instant createdAt) {
}
