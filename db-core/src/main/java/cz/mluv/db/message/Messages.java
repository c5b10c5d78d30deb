package cz.mluv.db.message;

import cz.mluv.db.InvalidParameterException;
import cz.mluv.db.replica.PrimaryRead;
import cz.mluv.db.replica.ReplicaRead;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Message reads: a user's messages page by page, Czech full-text search, correctness analytics.
 * One SQL statement per call.
 */
@Singleton
public class Messages {

    /** Largest page of messages or search hits, rows. */
    public static final int MAX_LIMIT = 100;
    /** Longest search text, characters. */
    public static final int MAX_QUERY_LENGTH = 200;
    /** Characters of a hit's text its snippet ({@code ts_headline}) is taken from: its cost per hit is bounded. */
    public static final int SNIPPET_SOURCE_CHARS = 2000;
    /** How many of the newest matches {@code order=relevance} ranks, rows (at least {@link #MAX_LIMIT}). */
    public static final int RELEVANCE_CANDIDATES = 100;
    /** Widest analytics range, days. */
    public static final int MAX_RANGE_DAYS = 366;

    private final MessageRepository repository;

    /** @param repository message reads */
    public Messages(MessageRepository repository) {
        this.repository = repository;
    }

    /**
     * A page of a user's messages, newest first (keyset pagination).
     *
     * @param telegramId the user
     * @param beforeId   {@code null} for the first page, else the id of the last message of the
     *                   previous page
     * @param limit      rows, 1..{@link #MAX_LIMIT}
     * @return the page (empty when there are no more), or empty when there is no such user
     * @throws InvalidParameterException when {@code limit} is out of range
     */
    @PrimaryRead("read-your-writes: the chat lists a message right after the user sent it")
    public Optional<List<Message>> page(long telegramId, Long beforeId, int limit) {
        InvalidParameterException.requireRange("limit", limit, 1, MAX_LIMIT);
        List<UserMessageRow> rows = beforeId == null
                ? repository.newest(telegramId, limit)
                : repository.olderThan(telegramId, beforeId, limit);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().map(UserMessageRow::toMessage).filter(Objects::nonNull).toList());
    }

    /**
     * Czech full-text search, diacritics-insensitive ({@code knedliky} finds {@code knedlíky}), with a
     * snippet, the matched words and the rank of every hit, and the parsed query. One SQL statement.
     * {@link SearchOrder#NEWEST}: the newest {@code limit} messages among all matches, ties by id, at
     * a cost bounded by the page rather than by the number of matches (migration V14's
     * {@code search_messages}); {@link SearchOrder#RELEVANCE}: the newest {@link #RELEVANCE_CANDIDATES}
     * matches ranked by {@code ts_rank_cd}, the best {@code limit}.
     *
     * @param query    words to find (web-search syntax), 1..{@link #MAX_QUERY_LENGTH} characters, at
     *                 least one word (not only operators or punctuation)
     * @param limit    rows, 1..{@link #MAX_LIMIT}
     * @param beforeId {@code null} for the first page, else the id of the last hit of the previous
     *                 page: only messages strictly older in (created_at, id) (keyset pagination; an
     *                 id that does not exist gives an empty page); newest order only
     * @param order    the order of the hits
     * @return the parsed query and the hits; fewer than {@code limit} on the last page
     * @throws InvalidParameterException naming {@code q} when the query is blank, too long, not
     *                                   text PostgreSQL can take ({@link InvalidParameterException#requireText})
     *                                   or has no word to search for; naming {@code limit} or
     *                                   {@code before} when out of range, {@code before} also when
     *                                   given with {@link SearchOrder#RELEVANCE}
     */
    @ReplicaRead("search over the history: a message a few seconds old may be missing from the hits")
    public SearchResult search(String query, int limit, Long beforeId, SearchOrder order) {
        InvalidParameterException.requireText("q", query, MAX_QUERY_LENGTH);
        if (query == null || query.isBlank()) {
            throw new InvalidParameterException("q", "q must not be empty");
        }
        InvalidParameterException.requireRange("limit", limit, 1, MAX_LIMIT);
        if (beforeId != null && beforeId < 1) {
            throw new InvalidParameterException("before", "before must be a message id (1 or more), was " + beforeId);
        }
        if (beforeId != null && order == SearchOrder.RELEVANCE) {
            throw new InvalidParameterException("before", "before pages order=newest only; order=relevance is one page");
        }
        String q = query.strip();
        List<SearchRow> rows = order == SearchOrder.RELEVANCE
                ? repository.searchByRelevance(q, RELEVANCE_CANDIDATES, limit)
                : repository.search(q, limit, beforeId);
        String parsed = rows.isEmpty() ? "" : rows.getFirst().parsedQuery();
        if (parsed == null || parsed.isEmpty()) {
            throw new InvalidParameterException("q", "q has no word to search for (only operators, punctuation or quotes)");
        }
        List<SearchHit> hits = rows.stream().filter(r -> r.id() != null).map(SearchRow::toHit).toList();
        Long nextBefore = order == SearchOrder.NEWEST && hits.size() == limit ? hits.getLast().id() : null;
        return new SearchResult(q, parsed, order.apiName(), hits, nextBefore);
    }

    /**
     * The first page of {@link #search(String, int, Long, SearchOrder)}, newest first.
     *
     * @param query words to find
     * @param limit rows, 1..{@link #MAX_LIMIT}
     * @return matching messages, newest first
     * @throws InvalidParameterException as {@link #search(String, int, Long, SearchOrder)}
     */
    @ReplicaRead("search over the history: a message a few seconds old may be missing from the hits")
    public List<SearchHit> search(String query, int limit) {
        return search(query, limit, null, SearchOrder.NEWEST).hits();
    }

    /**
     * A page of {@link #search(String, int, Long, SearchOrder)}, newest first.
     *
     * @param query    words to find
     * @param limit    rows, 1..{@link #MAX_LIMIT}
     * @param beforeId {@code null} for the first page, else the id of the previous page's last hit
     * @return matching messages, newest first
     * @throws InvalidParameterException as {@link #search(String, int, Long, SearchOrder)}
     */
    public List<SearchHit> search(String query, int limit, Long beforeId) {
        return search(query, limit, beforeId, SearchOrder.NEWEST).hits();
    }

    /**
     * Correctness analytics of one user over a date range (UTC days, both ends included).
     *
     * @param telegramId the user
     * @param from       first day
     * @param to         last day, not before {@code from}, at most {@link #MAX_RANGE_DAYS} days later
     * @return one entry per day with scored messages, oldest first; empty when there is no such user
     * @throws InvalidParameterException when the range is reversed or too wide
     */
    @ReplicaRead("per-day analytics over a range of days: seconds of lag change nothing")
    public Optional<List<CorrectnessDay>> correctness(long telegramId, LocalDate from, LocalDate to) {
        requireRange(from, to);
        List<CorrectnessRow> rows = repository.correctnessByDay(telegramId,
                from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().filter(r -> r.day() != null)
                .map(r -> new CorrectnessDay(r.day(), r.scoredMessages(), r.averageScore(), r.minScore(), r.maxScore()))
                .toList());
    }

    /**
     * @param from first day
     * @param to   last day
     * @throws InvalidParameterException naming {@code from} or {@code to} when a day is outside
     *                                   {@link InvalidParameterException#requireDate}'s range, naming
     *                                   {@code to} when the range is reversed or wider than
     *                                   {@link #MAX_RANGE_DAYS}
     */
    public static void requireRange(LocalDate from, LocalDate to) {
        requireRange(from, to, "to");
    }

    /**
     * @param from    first day
     * @param to      last day
     * @param blamed  the parameter a reversed or too wide range is reported against: the one the
     *                caller gave when the other one is a default ({@code from} or {@code to})
     * @throws InvalidParameterException naming {@code from} or {@code to} when a day is outside
     *                                   {@link InvalidParameterException#requireDate}'s range, naming
     *                                   {@code blamed} when the range is reversed or wider than
     *                                   {@link #MAX_RANGE_DAYS}
     */
    public static void requireRange(LocalDate from, LocalDate to, String blamed) {
        InvalidParameterException.requireDate("from", from);
        InvalidParameterException.requireDate("to", to);
        if (to.isBefore(from)) {
            throw new InvalidParameterException(blamed, blamed.equals("from")
                    ? "from must not be after to (" + to + "), was " + from
                    : "to must not be before from (" + from + "), was " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new InvalidParameterException(blamed, blamed + ": the range from..to (" + from + ".." + to
                    + ") must span at most " + MAX_RANGE_DAYS + " days");
        }
    }
}
