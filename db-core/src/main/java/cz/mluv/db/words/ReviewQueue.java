package cz.mluv.db.words;

import cz.mluv.db.InvalidParameterException;
import cz.mluv.db.replica.PrimaryRead;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Spaced repetition: the words a user should review; one SQL statement per call. */
@Singleton
public class ReviewQueue {

    /** Largest page of due words, rows. */
    public static final int MAX_LIMIT = 100;

    private final SavedWordRepository repository;

    /** @param repository saved-word reads */
    public ReviewQueue(SavedWordRepository repository) {
        this.repository = repository;
    }

    /**
     * @param telegramId the user
     * @param on         the day to review on (words due on or before it, and never-reviewed ones)
     * @param limit      rows, 1..{@link #MAX_LIMIT}
     * @return due words, never-reviewed first, then oldest due date; empty when there is no such user
     * @throws InvalidParameterException when {@code limit} or {@code on} is out of range
     */
    @PrimaryRead("a word reviewed a moment ago must not come back as due")
    public Optional<List<SavedWord>> due(long telegramId, LocalDate on, int limit) {
        InvalidParameterException.requireDate("on", on);
        InvalidParameterException.requireRange("limit", limit, 1, MAX_LIMIT);
        List<DueWordRow> rows = repository.due(telegramId, on, limit);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().filter(r -> r.id() != null).map(DueWordRow::toWord)
                .filter(Objects::nonNull).toList());
    }
}
