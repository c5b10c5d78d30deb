package cz.mluv.admin.layout;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import cz.mluv.admin.login.AccessDeniedException;
import cz.mluv.db.checklist.ChecklistException;
import io.micronaut.data.exceptions.DataAccessException;
import java.sql.SQLException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a page action and maps its typed errors, once, to a notification. A database error shows a
 * generic text with an error id; the server's message, the SQL and the stack trace go to the log
 * under that id only (the console never shows a database's internals).
 */
public final class Actions {

    private static final Logger LOG = LoggerFactory.getLogger(Actions.class);

    /** An action that may fail with a database error. */
    @FunctionalInterface
    public interface Action {
        /** @throws SQLException when the database fails */
        void run() throws SQLException;
    }

    private Actions() {
    }

    /**
     * @param action what the user asked for
     * @return {@code true} when it completed
     */
    public static boolean run(Action action) {
        try {
            action.run();
            return true;
        } catch (AccessDeniedException | ChecklistException | IllegalArgumentException e) {
            error(e.getMessage());
        } catch (SQLException | DataAccessException e) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("error {}: database error in the admin console", errorId, e);
            error("The database could not complete this action (error id " + errorId + " in the console's log).");
        }
        return false;
    }

    /** @param message shown for 6 s, red */
    public static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("error-notification");
    }

    /** @param message shown for 3 s, green */
    public static void success(String message) {
        Notification n = Notification.show(message, 3000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
