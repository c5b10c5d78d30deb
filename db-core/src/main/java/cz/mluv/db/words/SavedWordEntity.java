package cz.mluv.db.words;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/**
 * The {@code saved_words} table as Micronaut Data maps it (the repository's entity type).
 *
 * @param id             generated identity
 * @param userId         users.id
 * @param wordCzech      the word
 * @param translation    its translation
 * @param context        source sentence or {@code null}
 * @param timesReviewed  reviews so far
 * @param nextReviewDate due date or {@code null} (never reviewed)
 */
@MappedEntity("saved_words")
public record SavedWordEntity(@Id @GeneratedValue @Nullable Long id, long userId, String wordCzech, String translation,
                              @Nullable String context, int timesReviewed, @Nullable LocalDate nextReviewDate) {
}
