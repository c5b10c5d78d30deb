package cz.mluv.db.words;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;

/** Saved-word reads, one SQL statement each. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SavedWordRepository extends GenericRepository<SavedWordEntity, Long> {

    /** SQL of {@link #due}; also EXPLAINed by the plan contracts. */
    String DUE_SQL = """
            SELECT u.id AS user_id, w.id, w.word_czech, w.translation, w.context, w.times_reviewed, w.next_review_date
            FROM users u
            LEFT JOIN LATERAL (SELECT id, word_czech, translation, context, times_reviewed, next_review_date
                               FROM saved_words
                               WHERE user_id = u.id AND (next_review_date IS NULL OR next_review_date <= :on)
                               ORDER BY next_review_date NULLS FIRST
                               LIMIT :limit) w ON true
            WHERE u.telegram_id = :telegramId
            ORDER BY w.next_review_date NULLS FIRST, w.id""";


    /**
     * Words due on {@code on}: never reviewed first (NULL next_review_date), then by due date;
     * index idx_saved_words_review (user_id, next_review_date NULLS FIRST), read in index order.
     */
    @Query(DUE_SQL)
    List<DueWordRow> due(long telegramId, LocalDate on, int limit);
}
