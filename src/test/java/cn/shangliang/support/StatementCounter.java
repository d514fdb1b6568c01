package cn.shangliang.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

/**
 * Counts the SQL statements the application prepares, through any connection of its DataSource (Hibernate's and
 * Camunda's alike), while {@link #count} runs: how many statements one call issues, and whether that grows
 * with the rows it answers (N+1). Counts every thread (an HTTP call runs on the server's), so the work measured
 * should be the only work going on; the test context runs no job executor.
 */
@TestComponent
public class StatementCounter implements BeanPostProcessor {
  private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");
  private static final AtomicBoolean COUNTING = new AtomicBoolean();
  private static final AtomicLong COUNT = new AtomicLong();

  public record Counted<T>(T result, long statements) {}

  /** Runs the work and answers what it returned and how many statements were prepared meanwhile. */
  public static synchronized <T> Counted<T> count(Supplier<T> work) {
    COUNT.set(0);
    COUNTING.set(true);
    try {
      T result = work.get();
      return new Counted<>(result, COUNT.get());
    } finally {
      COUNTING.set(false);
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource dataSource) || Proxy.isProxyClass(bean.getClass())) return bean;
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
      Object result = invoke(dataSource, method, args);
      return result instanceof Connection connection ? counting(connection) : result;
    });
  }

  private static Connection counting(Connection connection) {
    return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (COUNTING.get() && STATEMENTS.contains(method.getName())) COUNT.incrementAndGet();
          return invoke(connection, method, args);
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
