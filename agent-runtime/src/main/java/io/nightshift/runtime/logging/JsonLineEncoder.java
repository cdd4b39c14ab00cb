package io.nightshift.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object a line: {@code time} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread},
 * {@code message} (formatted), {@code exception} (the stack trace as one string, when there is one), and every MDC
 * key as a field of its own ({@code TaskId}, {@code Step}, {@code Attempt}, {@code WorkflowId}, ...), the flat shape
 * Loki, Elasticsearch and the OpenTelemetry collector's JSON parser take as they are.
 *
 * <p>Logback's own {@code JsonEncoder} was the first choice; it nests MDC under {@code mdc}, writes the stack trace
 * as an array of frame objects and the message unformatted ({@code "step {} failed"}), which a collector must
 * reshape. logstash-logback-encoder writes this shape but is not among the dependencies this build may fetch.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NONE = new byte[0];
  private static final JsonFactory JSON = new JsonFactory();
  /** MDC keys that would repeat a field (JSON readers keep one of two equal keys, not saying which). */
  private static final Set<String> RESERVED = Set.of("time", "level", "logger", "thread", "message", "exception");

  @Override
  public byte[] headerBytes() {
    return NONE;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("time", event.getInstant().toString());
      json.writeStringField("level", event.getLevel().toString());
      json.writeStringField("logger", event.getLoggerName());
      json.writeStringField("thread", event.getThreadName());
      json.writeStringField("message", event.getFormattedMessage());
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        json.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
      }
      for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
        if (!RESERVED.contains(entry.getKey())) {
          json.writeStringField(entry.getKey(), entry.getValue());
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a log line as JSON", e); // an in-memory stream does not fail
    }
    line.write('\n');
    return line.toByteArray();
  }

  @Override
  public byte[] footerBytes() {
    return NONE;
  }
}
