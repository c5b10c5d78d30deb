package cz.mluv.admin.web;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;
import io.micronaut.context.ApplicationContext;

/** Views and components that are Micronaut beans come from the context (constructor injection); the rest as Vaadin makes them. */
public class MicronautInstantiator extends DefaultInstantiator {

    private final ApplicationContext context;

    /**
     * @param service the Vaadin service
     * @param context the Micronaut context
     */
    public MicronautInstantiator(VaadinService service, ApplicationContext context) {
        super(service);
        this.context = context;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        if (context.containsBean(type)) {
            return context.getBean(type);
        }
        return super.getOrCreate(type);
    }
}
