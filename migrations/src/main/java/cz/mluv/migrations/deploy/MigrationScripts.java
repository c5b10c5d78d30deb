package cz.mluv.migrations.deploy;

import cz.mluv.migrations.Migrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versioned migration scripts ({@code V<version>__<description>.sql}) under Flyway's location
 * {@link Migrations#LOCATION} on the classpath: in the migrations jar, in a shaded jar, or in a
 * {@code target/classes} directory.
 */
public final class MigrationScripts {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final String ANCHOR = Migrations.class.getName().replace('.', '/') + ".class";

    private final List<MigrationScript> scripts;

    private MigrationScripts(List<MigrationScript> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    /**
     * @param scripts the scripts, in any order
     * @return them ordered by version
     */
    public static MigrationScripts of(List<MigrationScript> scripts) {
        return new MigrationScripts(scripts.stream().sorted(Comparator.comparing(MigrationScript::version)).toList());
    }

    /**
     * Finds the scripts with the class loader of the migrations module.
     *
     * @return the scripts ordered by version (empty when none is on the classpath)
     * @throws UncheckedIOException when a script cannot be read
     */
    public static MigrationScripts fromClasspath() {
        return fromClasspath(Migrations.class.getClassLoader());
    }

    /**
     * @param loader the class loader to search
     * @return the scripts ordered by version (empty when none is on the classpath)
     * @throws UncheckedIOException when a script cannot be read
     */
    public static MigrationScripts fromClasspath(ClassLoader loader) {
        String folder = Migrations.LOCATION.substring("classpath:".length());
        Map<String, MigrationScript> found = new TreeMap<>();
        try {
            List<URL> roots = Collections.list(loader.getResources(folder));
            URL anchor = loader.getResource(ANCHOR);
            if (roots.isEmpty() && anchor != null && anchor.getProtocol().equals("jar")) {
                // A jar written without directory entries answers no getResources(folder): list it directly.
                roots = List.of(URI.create(anchor.toString().replace(ANCHOR, folder)).toURL());
            }
            for (URL root : roots) {
                for (String resource : list(root, folder)) {
                    Matcher m = VERSIONED.matcher(resource.substring(resource.lastIndexOf('/') + 1));
                    if (m.matches() && !found.containsKey(resource)) {
                        found.put(resource, new MigrationScript(MigrationVersion.fromVersion(m.group(1).replace('_', '.')),
                                m.group(2).replace('_', ' '), resource, read(loader, resource)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + Migrations.LOCATION, e);
        }
        return of(List.copyOf(found.values()));
    }

    /** @return the scripts ordered by version */
    public List<MigrationScript> all() {
        return scripts;
    }

    /** @return the highest version on the classpath, empty when there is no script */
    public Optional<MigrationVersion> latest() {
        return scripts.isEmpty() ? Optional.empty() : Optional.of(scripts.getLast().version());
    }

    private static List<String> list(URL root, String folder) throws IOException {
        return switch (root.getProtocol()) {
            case "file" -> listDirectory(root, folder);
            case "jar" -> listJar(root, folder);
            default -> List.of();
        };
    }

    private static List<String> listDirectory(URL root, String folder) throws IOException {
        Path dir;
        try {
            dir = Path.of(root.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("not a directory URL: " + root, e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder + "/" + dir.relativize(p).toString().replace('\\', '/'))
                    .toList();
        }
    }

    private static List<String> listJar(URL root, String folder) throws IOException {
        URL jarUrl = ((JarURLConnection) root.openConnection()).getJarFileURL();
        Path jarPath;
        try {
            jarPath = Path.of(jarUrl.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot open " + jarUrl, e);
        }
        // Its own JarFile, not the URL connection's cached one, which the class loader may share.
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            return jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith(folder + "/") && !name.endsWith("/"))
                    .toList();
        }
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("listed but not readable: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
