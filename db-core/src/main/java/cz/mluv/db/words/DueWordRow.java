package cz.mluv.db.words;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/** A user joined to one due word; {@code id == null}: nothing due. */
@Introspected
record DueWordRow(long userId, @Nullable Long id, @Nullable String wordCzech, @Nullable String translation,
                  @Nullable String context, @Nullable Integer timesReviewed, @Nullable LocalDate nextReviewDate) {

    SavedWord toWord() {
        return new SavedWord(id, wordCzech, translation, context, timesReviewed, nextReviewDate);
    }
}
