package cn.shangliang.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Camunda logs every failed command at ERROR with its stack trace (ENGINE-16004), also a request for a task
 * that does not exist or a body without a value the engine needs — the client's mistakes, answered 400/404/409.
 * Those drowned the real failures. While a request is being served and the failure is one /engine-rest
 * answers with a 4xx ({@link UserInputExceptionMapper#isCallerFault}), the line is replaced by one INFO line
 * without a stack. Failed jobs (no request on their thread) and our own defects (answered 500) keep
 * Camunda's ERROR line with its stack.
 */
@Component
public class RefusedCommandLogFilter extends TurboFilter {
  private static final String CAMUNDA_COMMAND_LOGGER = "org.camunda.bpm.engine.context";
  private static final Logger LOG = (Logger) LoggerFactory.getLogger("cn.shangliang.system.RefusedCommand");

  /** Installed once per logging context (test suites start several application contexts in one JVM). */
  @EventListener(ApplicationReadyEvent.class)
  public void install() {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    if (logging.getTurboFilterList().stream().noneMatch(RefusedCommandLogFilter.class::isInstance)) {
      logging.addTurboFilter(this);
      start();
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.INFO) || !CAMUNDA_COMMAND_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable failure = t != null ? t : lastThrowable(params);
    if (failure == null || RequestContextHolder.getRequestAttributes() == null
        || !UserInputExceptionMapper.isCallerFault(failure)) {
      return FilterReply.NEUTRAL;
    }
    LOG.info("Refused an engine command (the request's fault): {}: {}", failure.getClass().getSimpleName(),
        failure.getMessage());
    return FilterReply.DENY;
  }

  /** Camunda's loggers pass the exception as the last message parameter, not as the throwable argument. */
  private static Throwable lastThrowable(Object[] params) {
    if (params == null || params.length == 0) return null;
    return params[params.length - 1] instanceof Throwable failure ? failure : null;
  }
}
