package cz.mluv.admin.web;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;

/**
 * Gives Vaadin the {@link MicronautInstantiator} (META-INF/services). Vaadin's method is spelled
 * {@code createInstantitor}.
 */
public class MicronautInstantiatorFactory implements InstantiatorFactory {

    /** Needed by ServiceLoader. */
    public MicronautInstantiatorFactory() {
    }

    @Override
    public Instantiator createInstantitor(VaadinService service) {
        return new MicronautInstantiator(service, MicronautContextHolder.get());
    }
}
