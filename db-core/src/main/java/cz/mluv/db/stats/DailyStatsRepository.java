package cz.mluv.db.stats;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;

/** Daily statistics reads, one SQL statement each. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DailyStatsRepository extends GenericRepository<DailyStatsEntity, Long> {

    /** SQL of {@link #range}; also EXPLAINed by the plan contracts. */
    String RANGE_SQL = """
            SELECT u.id AS user_id, d.date, d.messages_count, d.words_said, d.correct_percent,
                   d.streak_days, d.stars_earned
            FROM users u
            LEFT JOIN daily_stats d ON d.user_id = u.id AND d.date BETWEEN :from AND :to
            WHERE u.telegram_id = :telegramId
            ORDER BY d.date DESC""";


    /** A user's days in [from, to], newest first; index idx_daily_stats_user_date (user_id, date DESC). */
    @Query(RANGE_SQL)
    List<DailyStatsRow> range(long telegramId, LocalDate from, LocalDate to);
}
