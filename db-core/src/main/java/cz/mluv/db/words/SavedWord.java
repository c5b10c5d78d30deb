package cz.mluv.db.words;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * A word a user saved for spaced repetition.
 *
 * @param id             saved_words.id
 * @param wordCzech      the Czech word
 * @param translation    its translation
 * @param context        the sentence it was saved from, if any
 * @param timesReviewed  reviews so far
 * @param nextReviewDate when it is due; {@code null} = never reviewed (due first)
 */
@Serdeable
public record SavedWord(long id, String wordCzech, String translation, @Nullable String context, int timesReviewed,
                        @Nullable LocalDate nextReviewDate) {
}
