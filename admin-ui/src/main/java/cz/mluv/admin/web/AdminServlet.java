package cz.mluv.admin.web;

import com.vaadin.flow.server.VaadinServlet;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;

/**
 * Vaadin's servlet, found by Jetty's annotation scan. {@code closeIdleSessions}: heartbeats of an
 * open tab do not keep a session alive past the session timeout, only user activity does.
 */
@WebServlet(urlPatterns = "/*", name = "vaadin", asyncSupported = true,
        initParams = @WebInitParam(name = "closeIdleSessions", value = "true"))
public class AdminServlet extends VaadinServlet {
}
