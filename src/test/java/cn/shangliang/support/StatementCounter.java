package cn.shangliang.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * with the rows it answers (N+1). Counts the test's own thread and the web server's request threads (an HTTP call
 * runs on one of those), not the background ones: the score worker polls every few seconds and the gauges refresh on
 * a scheduler, and a poll in the middle of a count made a page's 4 statements read as 5 now and then.
 */
@TestComponent
public class StatementCounter implements BeanPostProcessor {
  private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");
  private static final AtomicBoolean COUNTING = new AtomicBoolean();
  private static volatile Thread countingThread;
  private static final AtomicLong COUNT = new AtomicLong();
  private static final List<String> SQL = Collections.synchronizedList(new ArrayList<>());

  /** What the work returned, how many statements it prepared and their SQL (for a failure's message). */
  public record Counted<T>(T result, long statements, List<String> sql) {}

  /** Runs the work and answers what it returned and how many statements were prepared meanwhile. */
  public static synchronized <T> Counted<T> count(Supplier<T> work) {
    COUNT.set(0);
    SQL.clear();
    countingThread = Thread.currentThread();
    COUNTING.set(true);
    try {
      T result = work.get();
      return new Counted<>(result, COUNT.get(), List.copyOf(SQL));
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
          if (COUNTING.get() && STATEMENTS.contains(method.getName()) && measured(Thread.currentThread())) {
            COUNT.incrementAndGet();
            SQL.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : method.getName());
          }
          return invoke(connection, method, args);
        });
  }

  /** The test's thread or one of Tomcat's request threads ("http-nio-auto-1-exec-3"). */
  private static boolean measured(Thread thread) {
    return thread == countingThread || thread.getName().contains("-exec-");
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
