package io.nightshift.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Every line logged in this JVM while open, with the MDC of the thread that logged it, for tests. */
final class CapturedLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  record Line(String logger, String thread, String message, Map<String, String> mdc) {}

  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final Logger root;

  private CapturedLines(Logger root) {
    this.root = root;
  }

  static CapturedLines open() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CapturedLines captured = new CapturedLines(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
    captured.setContext(context);
    captured.start();
    captured.root.addAppender(captured);
    return captured;
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  protected void append(ILoggingEvent event) {
    // the MDC is read here, on the logging thread: the event would read it lazily, on whatever thread asks later
    lines.add(new Line(event.getLoggerName(), event.getThreadName(), event.getFormattedMessage(),
        Map.copyOf(event.getMDCPropertyMap())));
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
