package io.nightshift.workflows.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Payloads as workers and clients read and write them, with Temporal's own data converter: from the committed
 * histories, from JSON an older worker wrote, and back to JSON, for the tests that pin the recorded shapes.
 */
public final class RecordedPayloads {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final DataConverter CONVERTER = DefaultDataConverter.STANDARD_INSTANCE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordedPayloads() {}

  public static WorkflowExecutionHistory history(String id) throws IOException {
    return WorkflowExecutionHistory.fromJson(Files.readString(HISTORIES.resolve(id + ".json")));
  }

  /** The input the workflow of history {@code id} was started with. */
  public static <T> T startInput(String id, Class<T> type) throws IOException {
    return read(history(id).getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getInput()
        .getPayloads(0), type);
  }

  /**
   * The first payload of history {@code id} that {@code payloads} finds in an event and whose JSON contains
   * {@code marker}, read as {@code type}.
   */
  public static <T> T first(String id, Function<HistoryEvent, Payloads> payloads, String marker, Class<T> type)
      throws IOException {
    Predicate<Payloads> marked = p -> p.getPayloadsCount() > 0
        && p.getPayloads(0).getData().toStringUtf8().contains(marker);
    Payload found = history(id).getEvents().stream().map(payloads).filter(marked).findFirst()
        .orElseThrow(() -> new AssertionError("no payload with " + marker + " in history " + id)).getPayloads(0);
    return read(found, type);
  }

  /**
   * The {@code Workflow.getVersion} markers recorded in history {@code id}: each change id with the version the
   * workflow took, so a test can tell that a history really went down a versioned path.
   */
  public static Map<String, Integer> versionMarkers(String id) throws IOException {
    Map<String, Integer> versions = new LinkedHashMap<>();
    history(id).getEvents().stream().filter(HistoryEvent::hasMarkerRecordedEventAttributes)
        .map(HistoryEvent::getMarkerRecordedEventAttributes).filter(m -> m.getMarkerName().equals("Version"))
        .forEach(m -> versions.put(read(m.getDetailsMap().get("changeId").getPayloads(0), String.class),
            read(m.getDetailsMap().get("version").getPayloads(0), Integer.class)));
    return versions;
  }

  public static <T> T read(Payload payload, Class<T> type) {
    return CONVERTER.fromPayload(payload, type, type);
  }

  /** {@code json} as a worker of another version would have sent it. */
  public static <T> T read(String json, Class<T> type) {
    return read(Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(json)).build(), type);
  }

  public static JsonNode written(Object value) throws IOException {
    return JSON.readTree(CONVERTER.toPayload(value).orElseThrow().getData().toStringUtf8());
  }

  /** {@code value} written and read back. */
  @SuppressWarnings("unchecked")
  public static <T> T roundTrip(T value) {
    return read(CONVERTER.toPayload(value).orElseThrow(), (Class<T>) value.getClass());
  }

  public static Set<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return Set.copyOf(names);
  }
}
