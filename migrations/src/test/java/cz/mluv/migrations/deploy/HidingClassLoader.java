package cz.mluv.migrations.deploy;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

/** A class loader that sees everything its parent sees except some resources (e.g. one rollback script). */
final class HidingClassLoader extends ClassLoader {

    private final Set<String> hidden;

    HidingClassLoader(ClassLoader parent, String... hidden) {
        super(parent);
        this.hidden = Set.of(hidden);
    }

    @Override
    public URL getResource(String name) {
        return hidden.contains(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return hidden.contains(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }
}
