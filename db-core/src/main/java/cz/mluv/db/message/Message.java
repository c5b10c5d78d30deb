package cz.mluv.db.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One chat message.
 *
 * @param id               messages.id (also the keyset cursor of the next page)
 * @param role             {@code user} or {@code assistant}
 * @param text             the message text
 * @param correctnessScore 0-100 for scored user messages; {@code null} when not scored
 * @param createdAt        when it was written
 */
@Serdeable
public record Message(long id, String role, String text, @Nullable Integer correctnessScore, Instant createdAt) {
}
