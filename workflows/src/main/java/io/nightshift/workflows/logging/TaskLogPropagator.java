package io.nightshift.workflows.logging;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.context.ContextPropagator;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Carries {@link TaskLogContext}'s keys from the thread that starts a workflow, activity or child workflow (an API
 * call, a workflow thread) to the threads that run it, through Temporal headers. Temporal calls it on every client
 * and worker built on a client that lists it (WorkflowClientOptions' context propagators).
 *
 * <p>Headers skip the payload codec: they hold only ids and step names, which Temporal shows in clear anyway (in
 * workflow ids such as {@code taskId/step}).
 */
public final class TaskLogPropagator implements ContextPropagator {
  private static final String HEADER_PREFIX = "nightshift-log-";
  private static final DataConverter PLAIN = DefaultDataConverter.STANDARD_INSTANCE;

  @Override
  public String getName() {
    return "nightshift-task-log";
  }

  @Override
  public Map<String, Payload> serializeContext(Object context) {
    Map<String, Payload> header = new HashMap<>();
    asMap(context).forEach((key, value) -> header.put(HEADER_PREFIX + key,
        PLAIN.toPayload(value).orElseThrow()));
    return header;
  }

  @Override
  public Object deserializeContext(Map<String, Payload> header) {
    Map<String, String> context = new HashMap<>();
    for (String key : TaskLogContext.OURS) {
      Payload value = header.get(HEADER_PREFIX + key);
      if (value != null) {
        context.put(key, PLAIN.fromPayload(value, String.class, String.class));
      }
    }
    return context;
  }

  @Override
  public Object getCurrentContext() {
    Map<String, String> context = new HashMap<>();
    for (String key : TaskLogContext.OURS) {
      String value = MDC.get(key);
      if (value != null) {
        context.put(key, value);
      }
    }
    return context;
  }

  /** Replaces all of our keys: one absent from the header must not keep an earlier task's value. */
  @Override
  public void setCurrentContext(Object context) {
    Map<String, String> values = asMap(context);
    for (String key : TaskLogContext.OURS) {
      String value = values.get(key);
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> asMap(Object context) {
    return context == null ? Map.of() : (Map<String, String>) context;
  }
}
