package cz.mluv.admin.login;

import cz.mluv.admin.AdminSettings;
import cz.mluv.db.account.AdminUser;
import cz.mluv.db.account.AdminUserRepository;
import cz.mluv.db.account.Role;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Admin-console accounts with bcrypt password hashes (spring-security-crypto, cost 10).
 *
 * <p>Survives a schema rollback below V5 without a restart: while the table {@code admin_user} is
 * missing, sign-in fails with {@link AccountsUnavailableException} ({@code TABLE_MISSING}) instead
 * of a wrong-password answer; once {@code migrate} re-creates it empty, the next sign-in attempt
 * creates the configured first deployer and viewers again ({@link #ensure(AdminSettings)}).
 */
@Singleton
public class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    /** Minimum password length for accounts created from configuration. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String UNIQUE_VIOLATION = "23505";

    private final AdminUserRepository users;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    /** Checked for unknown names so that the answer time does not reveal which names exist. */
    private final String dummyHash = encoder.encode("no such user");
    private volatile AdminSettings configured;

    /** @param users the account table */
    public Accounts(AdminUserRepository users) {
        this.users = users;
    }

    /**
     * Creates the configured accounts first when the table is empty (re-created by a migrate after
     * a rollback), then checks the password.
     *
     * @param username login name
     * @param password the password as typed
     * @return the user when the password matches its hash
     * @throws AccountsUnavailableException when the account table is missing or cannot be read
     */
    public Optional<SignedInUser> authenticate(String username, String password) {
        Optional<AdminUser> user;
        try {
            createConfiguredWhenEmpty();
            user = username == null ? Optional.empty() : users.findByUsername(username.strip());
        } catch (DataAccessException e) {
            throw unavailable(e);
        }
        if (user.isEmpty() || password == null) {
            encoder.matches(password == null ? "" : password, dummyHash);
            return Optional.empty();
        }
        AdminUser u = user.get();
        return encoder.matches(password, u.passwordHash())
                ? Optional.of(new SignedInUser(u.username(), u.roleValue())) : Optional.empty();
    }

    /**
     * Remembers the configured accounts and creates the first deployer when the table has no
     * account, and every configured viewer that does not exist yet. Existing accounts are never
     * changed. A missing table is logged, not thrown: sign-in reports it until a migrate re-creates it.
     *
     * @param settings the configured accounts
     * @throws IllegalArgumentException when a configured password is shorter than {@value #MIN_PASSWORD_LENGTH}
     */
    public void ensure(AdminSettings settings) {
        configured = settings;
        try {
            createConfigured(settings);
        } catch (DataAccessException e) {
            if (sqlState(e, UNDEFINED_TABLE)) {
                LOG.warn("The account table admin_user is missing (schema below V5): sign-in reports it until "
                        + "`./mluv deploy migrate` re-creates it; the configured accounts are created at the next sign-in then");
                return;
            }
            throw e;
        }
    }

    /**
     * @param username login name, 1-64 of {@code A-Za-z0-9._-}
     * @param password at least {@value #MIN_PASSWORD_LENGTH} characters
     * @param role     its role
     * @return the stored account
     * @throws IllegalArgumentException when the password is too short
     */
    public AdminUser create(String username, String password, Role role) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password of " + username + " must have at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        return users.save(new AdminUser(null, username, encoder.encode(password), role.label(),
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    private void createConfiguredWhenEmpty() {
        AdminSettings settings = configured;
        if (settings == null || users.count() > 0) {
            return;
        }
        try {
            createConfigured(settings);
        } catch (DataAccessException e) {
            if (!sqlState(e, UNIQUE_VIOLATION)) {
                throw e;
            }
            LOG.info("Another console process created the configured accounts first");
        }
    }

    private synchronized void createConfigured(AdminSettings settings) {
        if (users.count() == 0) {
            create(settings.adminUser(), settings.adminPassword(), Role.DEPLOYER);
            LOG.info("Created the first admin account '{}' (role deployer)", settings.adminUser());
        }
        for (Map.Entry<String, String> viewer : settings.viewers().entrySet()) {
            if (!users.existsByUsername(viewer.getKey())) {
                create(viewer.getKey(), viewer.getValue(), Role.VIEWER);
                LOG.info("Created viewer account '{}'", viewer.getKey());
            }
        }
    }

    private static AccountsUnavailableException unavailable(DataAccessException e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        if (sqlState(e, UNDEFINED_TABLE)) {
            LOG.warn("Sign-in [{}]: the account table admin_user is missing (schema rolled back below V5; run "
                    + "`./mluv deploy migrate`): {}", reference, e.getMessage());
            return new AccountsUnavailableException(AccountsUnavailableException.Reason.TABLE_MISSING, reference, e);
        }
        LOG.error("Sign-in [{}]: the account table could not be read", reference, e);
        return new AccountsUnavailableException(AccountsUnavailableException.Reason.DATABASE_ERROR, reference, e);
    }

    private static boolean sqlState(Throwable error, String state) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
