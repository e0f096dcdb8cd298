package io.logto.management.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider for tests that keeps every event at every level in memory, so tests can assert on
 * what the SDK logs (and that no secret is ever logged). Not final: {@link SlowStartingLogs} only
 * changes how it starts.
 */
public class CapturedLogs implements SLF4JServiceProvider {
  /** One formatted log line. */
  record Event(Level level, String logger, String message) {}

  private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();

  private final ILoggerFactory factory = CapturingLogger::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  static List<Event> events() {
    return List.copyOf(EVENTS);
  }

  static void clear() {
    EVENTS.clear();
  }

  static String all() {
    StringBuilder out = new StringBuilder();
    EVENTS.forEach(event -> out.append(event.level()).append(' ').append(event.logger()).append(' ')
        .append(event.message()).append('\n'));
    return out.toString();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class CapturingLogger extends AbstractLogger {
    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
        Throwable throwable) {
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      EVENTS.add(new Event(level, name, throwable == null ? message : message + " " + throwable));
    }

    @Override public boolean isTraceEnabled() { return true; }
    @Override public boolean isTraceEnabled(Marker marker) { return true; }
    @Override public boolean isDebugEnabled() { return true; }
    @Override public boolean isDebugEnabled(Marker marker) { return true; }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public boolean isInfoEnabled(Marker marker) { return true; }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public boolean isWarnEnabled(Marker marker) { return true; }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public boolean isErrorEnabled(Marker marker) { return true; }
  }

  /** Called by the service loader. */
  public CapturedLogs() {}
}
