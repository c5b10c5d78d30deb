package cz.mluv.admin.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Under {@code java -jar} the JVM's {@code java.class.path} names only the jar itself, while Jetty
 * looks there for the container jars it scans for Vaadin's servlet-container initializers. This
 * adds the manifest's {@code Class-Path} entries (target/lib/*.jar) to it, so that the scan sees
 * what the class loader already loads.
 */
public final class ManifestClassPath {

    private ManifestClassPath() {
    }

    /** Expands {@code java.class.path} with the manifest Class-Path of each jar on it. */
    public static void expand() {
        String separator = File.pathSeparator;
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(separator)) {
            if (entry.isBlank()) {
                continue;
            }
            entries.add(entry);
            Path jar = Path.of(entry).toAbsolutePath();
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                continue;
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (classPath == null) {
                    continue;
                }
                for (String relative : classPath.trim().split("\\s+")) {
                    Path dependency = jar.getParent().resolve(relative).normalize();
                    if (Files.isRegularFile(dependency)) {
                        entries.add(dependency.toString());
                    }
                }
            } catch (IOException e) {
                // not a readable jar: leave the class path as it is
            }
        }
        System.setProperty("java.class.path", String.join(separator, entries));
    }
}
