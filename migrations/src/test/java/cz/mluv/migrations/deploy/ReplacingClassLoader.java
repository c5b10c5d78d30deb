package cz.mluv.migrations.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;

/** A class loader that sees everything its parent sees, but one resource (e.g. a rollback script) with other text. */
final class ReplacingClassLoader extends ClassLoader {

    private final String name;
    private final URL replacement;

    ReplacingClassLoader(ClassLoader parent, String name, String text) {
        super(parent);
        this.name = name;
        try {
            Path file = Files.createTempFile("replaced-", ".sql");
            Files.writeString(file, text);
            file.toFile().deleteOnExit();
            this.replacement = file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URL getResource(String resource) {
        return name.equals(resource) ? replacement : super.getResource(resource);
    }

    @Override
    public Enumeration<URL> getResources(String resource) throws IOException {
        return name.equals(resource) ? Collections.enumeration(java.util.List.of(replacement)) : super.getResources(resource);
    }
}
