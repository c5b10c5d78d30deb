package cz.mluv.db.message;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A user joined to at most one of their messages (LEFT JOIN LATERAL): a row with a {@code null}
 * message id means the user exists but has no message in the page; no row means no such user.
 */
@Introspected
record UserMessageRow(long userId, @Nullable Long id, @Nullable String role, @Nullable String text,
                      @Nullable Integer correctnessScore, @Nullable Instant createdAt) {

    Message toMessage() {
        return id == null ? null : new Message(id, role, text, correctnessScore, createdAt);
    }
}
