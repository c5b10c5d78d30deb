package cz.mluv.db.account;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** Admin-console accounts; one SQL statement per method, by the unique username index. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AdminUserRepository extends CrudRepository<AdminUser, Long> {

    /**
     * @param username the login name (exact, case-sensitive)
     * @return the account, or empty
     */
    Optional<AdminUser> findByUsername(String username);

    /**
     * @param username the login name
     * @return {@code true} when an account has it
     */
    boolean existsByUsername(String username);
}
