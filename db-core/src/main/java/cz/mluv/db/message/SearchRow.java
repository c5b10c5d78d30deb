package cz.mluv.db.message;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A row of {@link MessageRepository#SEARCH_SQL}: the parsed query, joined (LEFT JOIN LATERAL) to at
 * most one hit; a single row with a {@code null} id means no hit. {@code matchedWords} is
 * space-separated (a lexeme of the {@code czech} configuration holds no space).
 */
@Introspected
record SearchRow(String parsedQuery, @Nullable Long id, @Nullable Long telegramId, @Nullable String firstName,
                 @Nullable String role, @Nullable String text, @Nullable Instant createdAt,
                 @Nullable String snippet, @Nullable String matchedWords, @Nullable Double rank) {

    SearchHit toHit() {
        List<String> words = matchedWords == null || matchedWords.isEmpty() ? List.of() : Arrays.asList(matchedWords.split(" "));
        return new SearchHit(id, telegramId, firstName, role, text, createdAt, snippet, words, rank == null ? 0 : rank);
    }

}
