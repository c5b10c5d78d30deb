package cz.mluv.migrations.deploy;

import org.flywaydb.core.api.MigrationVersion;

/**
 * One versioned Flyway script found on the classpath.
 *
 * @param version     its version, e.g. {@code 2} for {@code V2__performance_indexes.sql}
 * @param description the description part of its name, underscores as spaces
 * @param resource    its classpath path, e.g. {@code db/migration/V2__performance_indexes.sql}
 * @param text        its content
 */
public record MigrationScript(MigrationVersion version, String description, String resource, String text) {

    /** @return the file name, e.g. {@code V2__performance_indexes.sql} */
    public String fileName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
