package cz.mluv.admin;

import cz.mluv.migrations.settings.MluvSettings;
import cz.mluv.migrations.settings.SettingsReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Deploy-time settings of the admin console, from environment variables (or system properties of
 * the same name); names, defaults and ranges are declared in {@link MluvSettings}.
 *
 * @param host           interface to listen on ({@code MLUV_ADMIN_HOST}, default {@code 0.0.0.0})
 * @param port           HTTP port ({@code MLUV_ADMIN_PORT}, default 8090; 0 = any free port)
 * @param adminUser      the first deployer, created when no account exists ({@code MLUV_ADMIN_USER}, default {@code admin})
 * @param adminPassword  its password ({@code MLUV_ADMIN_PASSWORD}); on the embedded database it
 *                       defaults to {@value #DEV_PASSWORD}, with an external {@code MLUV_DB_URL} it
 *                       must be set
 * @param viewers        read-only accounts created when missing ({@code MLUV_ADMIN_VIEWERS=name:password,...})
 * @param sessionTimeout idle time after which a session ends ({@code MLUV_ADMIN_SESSION_TIMEOUT_MINUTES}, default 30)
 */
public record AdminSettings(String host, int port, String adminUser, String adminPassword, Map<String, String> viewers,
                            Duration sessionTimeout) {

    /** The first admin's password on the embedded development database only. */
    public static final String DEV_PASSWORD = "mluv-admin";

    /** Copies the viewers. */
    public AdminSettings {
        viewers = Map.copyOf(viewers);
    }

    /**
     * @param env      variable lookup
     * @param embedded {@code true} when the database is the embedded development one
     * @return the settings
     * @throws IllegalArgumentException when a value is malformed, or the admin password is missing
     *                                  on an external database
     */
    public static AdminSettings from(Function<String, String> env, boolean embedded) {
        SettingsReader settings = new SettingsReader(env);
        String password = settings.get(MluvSettings.ADMIN_PASSWORD);
        if (password == null) {
            if (!embedded) {
                throw new IllegalArgumentException("MLUV_ADMIN_PASSWORD must be set when MLUV_DB_URL points at a database "
                        + "(the first admin account is created with it; no default password outside the embedded database)");
            }
            password = DEV_PASSWORD;
        }
        return new AdminSettings(settings.get(MluvSettings.ADMIN_HOST).strip(), settings.get(MluvSettings.ADMIN_PORT),
                settings.get(MluvSettings.ADMIN_USER).strip(), password, viewers(settings.get(MluvSettings.ADMIN_VIEWERS)),
                Duration.ofMinutes(settings.get(MluvSettings.ADMIN_SESSION_TIMEOUT_MINUTES)));
    }

    /** @return a copy listening on {@code port} */
    public AdminSettings withPort(int port) {
        return new AdminSettings(host, port, adminUser, adminPassword, viewers, sessionTimeout);
    }

    private static Map<String, String> viewers(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : entries) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("MLUV_ADMIN_VIEWERS must be name:password,... (was an entry without both)");
            }
            out.put(pair.substring(0, colon).strip(), pair.substring(colon + 1));
        }
        return out;
    }
}
