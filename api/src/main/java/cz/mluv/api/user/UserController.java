package cz.mluv.api.user;

import cz.mluv.api.problem.UserNotFoundException;
import cz.mluv.db.InvalidParameterException;
import cz.mluv.db.message.CorrectnessDay;
import cz.mluv.db.message.Message;
import cz.mluv.db.message.Messages;
import cz.mluv.db.stats.DailyStats;
import cz.mluv.db.stats.UserStats;
import cz.mluv.db.user.UserInclude;
import cz.mluv.db.user.UserProfile;
import cz.mluv.db.user.UserProfiles;
import cz.mluv.db.words.ReviewQueue;
import cz.mluv.db.words.SavedWord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import cz.mluv.api.docs.ApiDocs;
import cz.mluv.api.problem.ProblemDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A user's data, addressed by Telegram id; every endpoint is one SQL statement. Runs on the blocking executor, never on a Netty event loop: a
 * request waiting for a database connection (up to MLUV_API_DB_WAIT_MS in an outage) must not
 * stall the other requests of its loop.
 */
@Controller("/api/v1/users/{telegramId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "200", description = "The answer (read from the base tables: one SQL statement, never cached)")
@ApiResponse(responseCode = "400", description = ApiDocs.INVALID_PARAMETER,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = ApiDocs.USER_NOT_FOUND,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL_ERROR,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.DATABASE_UNAVAILABLE,
        content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
public class UserController {

    private final UserProfiles profiles;
    private final Messages messages;
    private final UserStats stats;
    private final ReviewQueue reviews;

    /**
     * @param profiles user reads
     * @param messages message reads
     * @param stats    daily stats reads
     * @param reviews  saved-word reads
     */
    public UserController(UserProfiles profiles, Messages messages, UserStats stats, ReviewQueue reviews) {
        this.profiles = profiles;
        this.messages = messages;
        this.stats = stats;
        this.reviews = reviews;
    }

    /**
     * @param telegramId the user
     * @param include    comma-separated: settings, recent_messages, stars
     * @param messages   how many recent messages, 1..50
     * @return the user with the relations asked for
     * @throws UserNotFoundException when no user has the id (404)
     */
    @Operation(summary = "User with relations, eagerly loaded in one statement")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Get
    public UserProfile user(@PathVariable long telegramId,
                            @Parameter(description = "comma-separated relations to load: settings, recent_messages, stars (at most 100 characters)",
                                    schema = @Schema(type = "string", maxLength = 100, example = "settings,recent_messages,stars"))
                            @Nullable @QueryValue String include,
                            @Parameter(description = "how many recent messages with recent_messages, 1..50",
                                    schema = @Schema(type = "integer", minimum = "1", maximum = "50", defaultValue = "10"))
                            @QueryValue(defaultValue = "10") int messages) {
        return profiles.byTelegramId(telegramId, UserInclude.parse(include), messages)
                .orElseThrow(() -> new UserNotFoundException(telegramId));
    }

    /**
     * @param telegramId the user
     * @param limit      rows, 1..100
     * @param before     id of the last message of the previous page (keyset cursor); absent for the first page
     * @return a page of messages, newest first, and the cursor of the next page
     * @throws UserNotFoundException when no user has the id (404)
     */
    @Operation(summary = "A user's messages, newest first, keyset pagination")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Get("/messages")
    public MessagePage messages(@PathVariable long telegramId,
                                @Parameter(description = "rows, 1..100", schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
                                @QueryValue(defaultValue = "20") int limit,
                                @Parameter(description = "keyset cursor: the previous page's nextBefore (a message id, 1 or more)",
                                        schema = @Schema(type = "integer", format = "int64", minimum = "1"))
                                @Nullable @QueryValue Long before) {
        List<Message> page = messages.page(telegramId, before, limit).orElseThrow(() -> new UserNotFoundException(telegramId));
        return new MessagePage(page, page.size() == limit ? page.getLast().id() : null);
    }

    /**
     * @param telegramId the user
     * @param from       first day (ISO date), default 30 days ago
     * @param to         last day (ISO date), default today (UTC)
     * @return the user's days in the range, newest first
     * @throws UserNotFoundException when no user has the id (404)
     */
    @Operation(summary = "A user's daily stats over a date range")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Get("/stats")
    public List<DailyStats> stats(@PathVariable long telegramId,
                                  @Parameter(description = "first day (ISO date, 0001-01-01..9999-12-31), default 30 days before `to`; "
                                          + "the range spans at most 366 days", schema = @Schema(type = "string", format = "date"))
                                  @Nullable @QueryValue LocalDate from,
                                  @Parameter(description = "last day (ISO date, not before `from`), default today (UTC)",
                                          schema = @Schema(type = "string", format = "date"))
                                  @Nullable @QueryValue LocalDate to) {
        DateRange range = DateRange.of(from, to);
        return stats.range(telegramId, range.from(), range.to()).orElseThrow(() -> new UserNotFoundException(telegramId));
    }

    /**
     * @param telegramId the user
     * @param on         review day (ISO date), default today (UTC)
     * @param limit      rows, 1..100
     * @return words due, never-reviewed first
     * @throws UserNotFoundException when no user has the id (404)
     */
    @Operation(summary = "Words due for review, never-reviewed first")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Get("/words/due")
    public List<SavedWord> dueWords(@PathVariable long telegramId,
                                    @Parameter(description = "review day (ISO date), default today (UTC)", schema = @Schema(type = "string", format = "date"))
                                    @Nullable @QueryValue LocalDate on,
                                    @Parameter(description = "rows, 1..100", schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
                                    @QueryValue(defaultValue = "20") int limit) {
        return reviews.due(telegramId, on != null ? on : today(), limit)
                .orElseThrow(() -> new UserNotFoundException(telegramId));
    }

    /**
     * @param telegramId the user
     * @param from       first day (ISO date), default 30 days ago
     * @param to         last day (ISO date), default today (UTC)
     * @return per-day correctness of scored messages, oldest first
     * @throws UserNotFoundException when no user has the id (404)
     */
    @Operation(summary = "Correctness analytics over a date range (partial, covering index)")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = ApiDocs.REQUEST_ID)
    @Get("/correctness")
    public List<CorrectnessDay> correctness(@PathVariable long telegramId,
                                            @Parameter(description = "first day (ISO date), default 30 days before `to`; the range spans at most 366 days",
                                                    schema = @Schema(type = "string", format = "date"))
                                            @Nullable @QueryValue LocalDate from,
                                            @Parameter(description = "last day (ISO date, not before `from`), default today (UTC)",
                                                    schema = @Schema(type = "string", format = "date"))
                                            @Nullable @QueryValue LocalDate to) {
        DateRange range = DateRange.of(from, to);
        return messages.correctness(telegramId, range.from(), range.to()).orElseThrow(() -> new UserNotFoundException(telegramId));
    }

    /**
     * A requested day range; a missing end is today (UTC), a missing start 30 days before the end.
     * It is checked here, with db-core's rule, so that a bad range is reported against the day the
     * caller gave rather than the default beside it.
     */
    private record DateRange(LocalDate from, LocalDate to) {
        static DateRange of(LocalDate from, LocalDate to) {
            LocalDate end = to != null ? InvalidParameterException.requireDate("to", to) : today();
            LocalDate start = end.minusDays(30);
            DateRange range = new DateRange(from != null ? from : start.isBefore(InvalidParameterException.MIN_DATE) ? end : start, end);
            Messages.requireRange(range.from(), range.to(), from != null && to == null ? "from" : "to");
            return range;
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * @param messages   the page, newest first
     * @param nextBefore pass as {@code before} to get the next page; {@code null} on the last page
     */
    @Serdeable
    public record MessagePage(List<Message> messages, @Nullable Long nextBefore) {
    }
}
