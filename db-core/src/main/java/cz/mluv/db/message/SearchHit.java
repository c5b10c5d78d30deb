package cz.mluv.db.message;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A message found by Czech full-text search, with why it matched.
 *
 * @param id           messages.id
 * @param telegramId   the author's Telegram id
 * @param firstName    the author's first name
 * @param role         {@code user} or {@code assistant}
 * @param text         the message text
 * @param createdAt    when it was written
 * @param snippet      PostgreSQL's {@code ts_headline} of the text's first
 *                     {@value Messages#SNIPPET_SOURCE_CHARS} characters: up to 2 fragments of 6..16
 *                     words around the matches, each match wrapped in « and », fragments joined by
 *                     " … "
 * @param matchedWords the query's words this message contains, as the {@code czech} text search
 *                     configuration normalizes them (lower case, without diacritics), alphabetical
 * @param rank         {@code ts_rank_cd} of the message for the query (cover density; 0.1 per
 *                     cover of every word, more for closer and repeated matches): the order of
 *                     {@code order=relevance}
 */
@Serdeable
public record SearchHit(long id, long telegramId, String firstName, String role, String text, Instant createdAt,
                        String snippet, List<String> matchedWords, double rank) {
}
