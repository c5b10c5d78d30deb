package cz.mluv.migrations.deploy;

import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --target}/{@code --to} value: {@code latest} or a version such as {@code 3} or {@code 3.1}. */
final class VersionConverter implements ITypeConverter<MigrationVersion> {

    @Override
    public MigrationVersion convert(String value) {
        if ("latest".equalsIgnoreCase(value)) {
            return MigrationVersion.LATEST;
        }
        if (!value.matches("\\d+([._]\\d+)*")) {
            throw new TypeConversionException("'" + value + "' is not a migration version (examples: 3, 3.1, latest)");
        }
        return MigrationVersion.fromVersion(value);
    }
}
