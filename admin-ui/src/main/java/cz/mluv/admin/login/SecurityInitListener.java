package cz.mluv.admin.login;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** Puts {@link SessionAccessControl} before every navigation (META-INF/services). */
public class SecurityInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        SessionAccessControl accessControl = new SessionAccessControl();
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(accessControl));
    }
}
