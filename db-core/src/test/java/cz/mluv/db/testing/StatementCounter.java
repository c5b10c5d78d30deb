package cz.mluv.db.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Test-only: wraps the application's DataSource with datasource-proxy and records every SQL
 * statement executed through it, from any thread (HTTP requests run on event-loop threads), so
 * tests can assert how many statements a read or an endpoint issues.
 * Active when {@code mluv.test.count-statements=true}.
 */
@Singleton
@Requires(property = "mluv.test.count-statements", value = "true")
public class StatementCounter implements BeanCreatedEventListener<DataSource>, Ordered {

    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

    /**
     * First of all DataSource listeners, so that Micronaut Data's own wrapper
     * (ContextualAwareDataSource, which it unwraps to reach the pool) wraps this proxy, not the
     * other way round.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return ProxyDataSourceBuilder.create("counted", event.getBean())
                .afterQuery((execInfo, queries) -> queries.forEach(q -> STATEMENTS.add(q.getQuery())))
                .build();
    }

    /** Forgets the statements recorded so far. */
    public static void reset() {
        STATEMENTS.clear();
    }

    /** @return the statements recorded since the last {@link #reset()} */
    public static List<String> statements() {
        return List.copyOf(STATEMENTS);
    }
}
