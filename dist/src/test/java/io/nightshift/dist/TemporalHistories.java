package io.nightshift.dist;

import io.nightshift.runtime.temporal.codec.AesGcmPayloadCodec;
import io.nightshift.runtime.temporal.codec.PayloadKeyFile;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads a workflow's history straight from the runtime's Temporal server, to see what really ran. */
final class TemporalHistories {
  private TemporalHistories() {}

  /**
   * The completed activities of {@code type} in workflow {@code workflowId}, each as its input payload followed by
   * its result payload (as JSON text), opened with the runtime's payload key file (Temporal holds them sealed).
   */
  static List<String> completedActivities(RuntimeProcess runtime, String workflowId, String type) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + runtime.temporalPort).build());
    try {
      List<HistoryEvent> events = stubs.blockingStub().getWorkflowExecutionHistory(
          GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace("default")
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).setMaximumPageSize(1000)
              .build()).getHistory().getEventsList();
      AesGcmPayloadCodec codec = new AesGcmPayloadCodec(PayloadKeyFile.read(
          runtime.dataDir.resolve("keys/payload-keys")));
      Function<Payload, String> text = p -> codec.decode(List.of(p)).get(0).getData().toStringUtf8();
      Map<Long, String> scheduled = new HashMap<>();
      List<String> out = new ArrayList<>();
      for (HistoryEvent e : events) {
        if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
            && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(type)) {
          scheduled.put(e.getEventId(), text.apply(e.getActivityTaskScheduledEventAttributes().getInput()
              .getPayloads(0)));
        } else if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
          var done = e.getActivityTaskCompletedEventAttributes();
          String input = scheduled.get(done.getScheduledEventId());
          if (input != null) {
            out.add(input + " -> " + text.apply(done.getResult().getPayloads(0)));
          }
        }
      }
      return out;
    } finally {
      stubs.shutdownNow();
    }
  }
}
