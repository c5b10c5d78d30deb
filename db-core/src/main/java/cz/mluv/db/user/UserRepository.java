package cz.mluv.db.user;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** User reads; the eager read loads the user and every relation asked for in one statement. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends GenericRepository<User, Long> {

    /** SQL of {@link #findProfileRows}; also EXPLAINed by the plan contracts. */
    String FIND_PROFILE_ROWS_SQL = """
            SELECT u.id, u.telegram_id, u.first_name, u.username, u.level, u.created_at,
                   s.conversation_style, s.corrections_level, s.native_language, s.daily_goal, s.notifications,
                   st.total AS stars_total, st.available AS stars_available,
                   m.id AS message_id, m.role AS message_role, m.text AS message_text,
                   m.correctness_score AS message_correctness_score, m.created_at AS message_created_at
            FROM users u
            LEFT JOIN user_settings s ON :withSettings AND s.user_id = u.id
            LEFT JOIN user_stars st ON :withStars AND st.user_id = u.id
            LEFT JOIN LATERAL (SELECT id, role, text, correctness_score, created_at
                               FROM messages
                               WHERE user_id = u.id
                               ORDER BY created_at DESC, id DESC
                               LIMIT :messageLimit) m ON true
            WHERE u.telegram_id = :telegramId
            ORDER BY m.created_at DESC, m.id DESC""";


    /**
     * The user with settings, stars and up to {@code messageLimit} newest messages, in one
     * statement (no 1+N): settings and stars join on their primary key (user_id), messages come
     * from a LATERAL subquery on index idx_messages_user_created; a relation not asked for is
     * joined on {@code false} (or limited to 0 rows) and costs nothing. Rows: one per message,
     * at least one when the user exists, none when it does not.
     */
    @Query(FIND_PROFILE_ROWS_SQL)
    List<UserProfileRow> findProfileRows(long telegramId, boolean withSettings, boolean withStars, int messageLimit);
}
