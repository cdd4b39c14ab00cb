package io.nightshift.bench.engine;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;

/**
 * Every execution (every run, so continued-as-new runs count separately) whose workflow id starts with a task id:
 * the TaskWorkflow and every MapWorkflow node of its tree. Listed with a visibility query, then each one's history
 * length read with DescribeWorkflowExecution, the server's own count.
 */
public final class HistoryCensus {
  /** @param largest the execution with the longest history, as "workflowId (type)" */
  public record Result(int executions, long maxHistory, String largest, long totalEvents) {}

  private HistoryCensus() {}

  public static Result of(WorkflowServiceStubs stubs, String namespace, String idPrefix) throws InterruptedException {
    List<WorkflowExecutionInfo> all = settledListing(stubs, namespace, idPrefix);
    long max = -1;
    long total = 0;
    String largest = null;
    for (WorkflowExecutionInfo info : all) {
      WorkflowExecution ex = info.getExecution();
      long length = stubs.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
          .setNamespace(namespace).setExecution(ex).build()).getWorkflowExecutionInfo().getHistoryLength();
      total += length;
      if (length > max) {
        max = length;
        largest = ex.getWorkflowId() + " (" + info.getType().getName() + ")";
      }
    }
    return new Result(all.size(), max, largest, total);
  }

  /** Visibility is eventually consistent: list until two listings agree and nothing shows as running. */
  private static List<WorkflowExecutionInfo> settledListing(WorkflowServiceStubs stubs, String namespace,
      String idPrefix) throws InterruptedException {
    List<WorkflowExecutionInfo> previous = List.of();
    for (int attempt = 0; attempt < 60; attempt++) {
      List<WorkflowExecutionInfo> now = list(stubs, namespace, idPrefix);
      boolean settled = now.stream().noneMatch(i -> i.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
      if (settled && !now.isEmpty() && now.size() == previous.size()) {
        return now;
      }
      previous = now;
      Thread.sleep(500);
    }
    throw new IllegalStateException("visibility did not settle for " + idPrefix + " (last count " + previous.size() + ")");
  }

  private static List<WorkflowExecutionInfo> list(WorkflowServiceStubs stubs, String namespace, String idPrefix) {
    List<WorkflowExecutionInfo> out = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    do {
      ListWorkflowExecutionsResponse page = stubs.blockingStub().listWorkflowExecutions(
          ListWorkflowExecutionsRequest.newBuilder().setNamespace(namespace).setPageSize(1000).setNextPageToken(token)
              .setQuery("WorkflowId STARTS_WITH '" + idPrefix + "'").build());
      out.addAll(page.getExecutionsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }
}
