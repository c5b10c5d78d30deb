package cz.mluv.db.stats;

import cz.mluv.db.message.Messages;
import cz.mluv.db.replica.ReplicaRead;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A user's statistics over a date range; one SQL statement per call. */
@Singleton
public class UserStats {

    private final DailyStatsRepository repository;

    /** @param repository daily stats reads */
    public UserStats(DailyStatsRepository repository) {
        this.repository = repository;
    }

    /**
     * @param telegramId the user
     * @param from       first day, included
     * @param to         last day, included; at most {@link Messages#MAX_RANGE_DAYS} days after {@code from}
     * @return the user's days with activity, newest first; empty when there is no such user
     * @throws cz.mluv.db.InvalidParameterException when the range is reversed or too wide
     */
    @ReplicaRead("per-day statistics over a range of days: seconds of lag change nothing")
    public Optional<List<DailyStats>> range(long telegramId, LocalDate from, LocalDate to) {
        Messages.requireRange(from, to);
        List<DailyStatsRow> rows = repository.range(telegramId, from, to);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().filter(r -> r.date() != null).map(DailyStatsRow::toStats).toList());
    }
}
