package cz.mluv.migrations.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Where {@code deploy lint} reads migrations from: the classpath (the migrations this tool
 * applies) or files and folders laid out as in the repository: {@code <dir>/V*.sql}, their
 * rollback scripts in {@code <dir>/../rollback/} and the metadata in
 * {@code <dir>/../migration-metadata.properties}.
 */
final class LintSources {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    private LintSources() {
    }

    /**
     * @param loader the class loader that sees {@code db/migration}, {@code db/rollback} and the metadata
     * @return one source per versioned migration on the classpath
     * @throws UncheckedIOException when a resource cannot be read
     */
    static List<MigrationLinter.Source> fromClasspath(ClassLoader loader) {
        Properties metadata = new Properties();
        try (InputStream in = loader.getResourceAsStream(MigrationMetadata.RESOURCE)) {
            if (in != null) {
                metadata.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MigrationMetadata.RESOURCE, e);
        }
        return MigrationScripts.fromClasspath(loader).all().stream()
                .map(s -> new MigrationLinter.Source(s.fileName(), s.version(), s.text(),
                        RollbackStep.expectedRollbackResource(s.fileName()).map(loader::getResource).isPresent(),
                        fields(metadata, s.version())))
                .toList();
    }

    /**
     * @param paths migration files ({@code V<version>__<description>.sql}) or folders holding them
     * @return one source per versioned migration found
     * @throws DeployException (usage) when a path does not exist or names no versioned migration
     * @throws UncheckedIOException when a file cannot be read
     */
    static List<MigrationLinter.Source> fromPaths(List<Path> paths) {
        List<MigrationLinter.Source> sources = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw DeployException.usage("no such file or folder: " + path);
            }
            List<Path> files = Files.isDirectory(path) ? list(path) : List.of(path);
            for (Path file : files) {
                Matcher m = VERSIONED.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    if (!Files.isDirectory(path)) {
                        throw DeployException.usage(file + " is not a versioned migration (V<version>__<description>.sql)");
                    }
                    continue;
                }
                Path folder = file.toAbsolutePath().getParent();
                MigrationVersion version = MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
                Path rollback = folder.resolveSibling("rollback").resolve("R" + file.getFileName().toString().substring(1));
                sources.add(new MigrationLinter.Source(file.getFileName().toString(), version, read(file), Files.isRegularFile(rollback),
                        fields(metadata(folder.resolveSibling("migration-metadata.properties")), version)));
            }
        }
        return sources;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Properties metadata(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    private static Map<String, String> fields(Properties metadata, MigrationVersion version) {
        Map<String, String> fields = new LinkedHashMap<>();
        String prefix = version.getVersion() + ".";
        for (String key : metadata.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                fields.put(key.substring(prefix.length()), metadata.getProperty(key).strip());
            }
        }
        return Map.copyOf(fields);
    }
}
