package cz.mluv.db.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One row of {@code admin_user}: an admin-console account.
 *
 * @param id           row id, {@code null} before insert
 * @param username     login name, 1-64 of {@code A-Za-z0-9._-}
 * @param passwordHash the password's bcrypt hash (never the password)
 * @param role         {@code viewer} or {@code deployer} ({@link Role#label()})
 * @param createdAt    when the account was created
 */
@MappedEntity("admin_user")
public record AdminUser(@Id @GeneratedValue @Nullable Long id, String username, String passwordHash, String role,
                        Instant createdAt) {

    /** @return the role as an enum */
    public Role roleValue() {
        return Role.ofLabel(role);
    }
}
