package cz.mluv.admin.web;

import io.micronaut.context.ApplicationContext;

/** The Micronaut context of the process, set before Jetty starts so Vaadin's instantiator can read it. */
public final class MicronautContextHolder {

    private static volatile ApplicationContext context;

    private MicronautContextHolder() {
    }

    /** @param ctx the running context */
    public static void set(ApplicationContext ctx) {
        context = ctx;
    }

    /**
     * @return the running context
     * @throws IllegalStateException when none was set
     */
    public static ApplicationContext get() {
        ApplicationContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("Micronaut context not started: AdminApplication.start sets it before Jetty");
        }
        return ctx;
    }
}
