package cz.mluv.admin.login;

import cz.mluv.admin.AdminSettings;
import cz.mluv.db.account.AdminUser;
import cz.mluv.db.account.AdminUserRepository;
import cz.mluv.db.account.Role;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Admin-console accounts with bcrypt password hashes (spring-security-crypto, cost 10). */
@Singleton
public class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    /** Minimum password length for accounts created from configuration. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final AdminUserRepository users;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    /** Checked for unknown names so that the answer time does not reveal which names exist. */
    private final String dummyHash = encoder.encode("no such user");

    /** @param users the account table */
    public Accounts(AdminUserRepository users) {
        this.users = users;
    }

    /**
     * @param username login name
     * @param password the password as typed
     * @return the user when the password matches its hash
     */
    public Optional<SignedInUser> authenticate(String username, String password) {
        Optional<AdminUser> user = username == null ? Optional.empty() : users.findByUsername(username.strip());
        if (user.isEmpty() || password == null) {
            encoder.matches(password == null ? "" : password, dummyHash);
            return Optional.empty();
        }
        AdminUser u = user.get();
        return encoder.matches(password, u.passwordHash())
                ? Optional.of(new SignedInUser(u.username(), u.roleValue())) : Optional.empty();
    }

    /**
     * Creates the first deployer when the table has no account, and every configured viewer that
     * does not exist yet. Existing accounts are never changed.
     *
     * @param settings the configured accounts
     * @throws IllegalArgumentException when a configured password is shorter than {@value #MIN_PASSWORD_LENGTH}
     */
    public void ensure(AdminSettings settings) {
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
}
