package cz.mluv.db.message;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/** A user joined to one day of correctness aggregates; {@code day == null}: no scored message. */
@Introspected
record CorrectnessRow(long userId, @Nullable LocalDate day, long scoredMessages, @Nullable Double averageScore,
                      @Nullable Integer minScore, @Nullable Integer maxScore) {
}
