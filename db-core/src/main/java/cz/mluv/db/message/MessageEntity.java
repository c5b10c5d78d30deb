package cz.mluv.db.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * The {@code messages} table as Micronaut Data maps it (the repository's entity type).
 *
 * @param id               generated identity
 * @param userId           users.id of the author's conversation
 * @param role             {@code user} or {@code assistant}
 * @param text             the text
 * @param correctnessScore 0-100 or {@code null}
 * @param createdAt        when it was written
 */
@MappedEntity("messages")
public record MessageEntity(@Id @GeneratedValue @Nullable Long id, long userId, String role, String text,
                            @Nullable Integer correctnessScore, Instant createdAt) {
}
