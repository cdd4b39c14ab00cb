package io.nightshift.api;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ListTasksResponse;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.workflows.task.TaskSearchAttributes;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lists tasks from Temporal visibility (a real query, paged by the server). The in-memory fallback server has no
 * visibility queries; there the deprecated open/closed lists are merged and paged here by offset.
 *
 * <p>A listing shows the caller's tenant alone: the query asks for its tenant search attribute where the namespace
 * has Nightshift's search attributes, and every row is checked against its memo as well (the one check where the
 * namespace has none, so such a page may come back shorter than asked, with a next page token all the same).
 * Filters ({@link TaskFilter}) work the same way: in the query where the server can say them
 * ({@link VisibilityFilter}), and on every row in Java, so both paths list the same tasks.
 */
final class TaskLister {
  private static final int FALLBACK_SCAN_LIMIT = 10_000;
  private final WorkflowClient client;
  private final TaskReader reader;
  private final boolean searchAttributes;
  private volatile boolean visibility = true;

  /** @param searchAttributes whether the namespace has Nightshift's search attributes (the tenant's among them) */
  TaskLister(WorkflowClient client, TaskReader reader, boolean searchAttributes) {
    this.client = client;
    this.reader = reader;
    this.searchAttributes = searchAttributes;
  }

  /**
   * One page of the tasks in {@code scope} that pass {@code filter}.
   *
   * @param token the request's page token, checked here against {@code filter} ({@link ListPageToken})
   */
  ListTasksResponse list(int pageSize, ByteString token, TaskFilter filter, TenantScope scope) {
    ByteString next = ListPageToken.next(filter, token);
    if (visibility) {
      try {
        return query(pageSize, next, filter, scope);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
          throw e;
        }
        visibility = false;
      }
    }
    return openAndClosed(pageSize, next, filter, scope);
  }

  private ListTasksResponse query(int pageSize, ByteString token, TaskFilter filter, TenantScope scope) {
    String query = "WorkflowType = '" + TaskReader.WORKFLOW_TYPE + "'";
    if (searchAttributes) {
      query += scope.listClause().map(clause -> " AND " + clause).orElse("");
    }
    query += VisibilityFilter.clause(filter, searchAttributes).map(clause -> " AND " + clause).orElse("");
    var response = client.getWorkflowServiceStubs().blockingStub().listWorkflowExecutions(
        ListWorkflowExecutionsRequest.newBuilder().setNamespace(namespace()).setPageSize(pageSize)
            .setNextPageToken(token).setQuery(query).build());
    ListTasksResponse.Builder out = ListTasksResponse.newBuilder()
        .setNextPageToken(ListPageToken.of(filter, response.getNextPageToken()));
    // the filter again in Java: what the query could not say (no search attributes, a pipeline name it cannot
    // quote) is judged here, and what it said costs nothing to confirm
    response.getExecutionsList().stream().filter(info -> scope.sees(info, reader.converter()))
        .map(info -> summary(info, reader.converter())).filter(filter::test).forEach(out::addTasks);
    return out.build();
  }

  private ListTasksResponse openAndClosed(int pageSize, ByteString token, TaskFilter filter, TenantScope scope) {
    var stub = client.getWorkflowServiceStubs().blockingStub();
    WorkflowTypeFilter type = WorkflowTypeFilter.newBuilder().setName(TaskReader.WORKFLOW_TYPE).build();
    List<WorkflowExecutionInfo> all = new ArrayList<>(stub.listOpenWorkflowExecutions(
        ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(namespace()).setTypeFilter(type)
            .setMaximumPageSize(FALLBACK_SCAN_LIMIT).build()).getExecutionsList());
    all.addAll(stub.listClosedWorkflowExecutions(ListClosedWorkflowExecutionsRequest.newBuilder()
        .setNamespace(namespace()).setTypeFilter(type).setMaximumPageSize(FALLBACK_SCAN_LIMIT).build())
        .getExecutionsList());
    if (scope.tenant().isPresent() || !filter.none()) {
      // these lists leave the memo out: a tenant's rows, and those with the labels and pipeline asked for, are
      // known only once every row is described
      all = all.stream().map(this::withMemo).filter(info -> scope.sees(info, reader.converter()))
          .filter(info -> filter.test(summary(info, reader.converter())))
          .collect(Collectors.toCollection(ArrayList::new));
    }
    all.sort(Comparator.comparing((WorkflowExecutionInfo i) -> i.getStartTime().getSeconds())
        .thenComparing(i -> i.getStartTime().getNanos()).reversed());
    int offset = fallbackOffset(token);
    int end = Math.min(all.size(), offset + pageSize);
    ListTasksResponse.Builder out = ListTasksResponse.newBuilder();
    all.subList(Math.min(offset, end), end)
        .forEach(info -> out.addTasks(summary(withMemo(info), reader.converter())));
    if (end < all.size()) {
      out.setNextPageToken(ListPageToken.of(filter, ByteString.copyFrom(ByteBuffer.allocate(4).putInt(end).array())));
    }
    return out.build();
  }

  /**
   * The offset a fallback page token carries: the four bytes this lister gave as next_page_token. Anything else is
   * the client's mistake, named as such (fuzzing found that one byte made the buffer underflow: UNKNOWN).
   */
  private static int fallbackOffset(ByteString token) {
    if (token.isEmpty()) {
      return 0;
    }
    int offset = token.size() == Integer.BYTES ? ByteBuffer.wrap(token.toByteArray()).getInt() : -1;
    if (offset < 0) {
      throw ApiErrors.invalid("page_token", "page_token is not one this API gave: pass a response's"
          + " next_page_token unchanged, or none for the first page");
    }
    return offset;
  }

  /** The in-memory server's lists leave out the memo (goal, pipeline); describing the row brings it back. */
  private WorkflowExecutionInfo withMemo(WorkflowExecutionInfo info) {
    if (info.getMemo().getFieldsCount() > 0) {
      return info;
    }
    try {
      return reader.describe(info.getExecution().getWorkflowId(), TenantScope.everyTenant());
    } catch (StatusRuntimeException e) {
      return info;
    }
  }

  /** A list row: what the execution record alone tells (no per-task query, so listing stays cheap). */
  private static Task summary(WorkflowExecutionInfo info, DataConverter converter) {
    Task.Builder t = TaskReader.merge(Task.newBuilder(), info, converter);
    if (TaskReader.stateOf(info.getStatus()) == null) {
      Payload state = info.getSearchAttributes().getIndexedFieldsMap().get(TaskSearchAttributes.STATE.getName());
      t.setState(runningState(state));
    }
    return t.build();
  }

  private static TaskState runningState(Payload state) {
    try {
      // search attributes are never sealed (the server indexes them): the plain converter reads them
      String s = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(state, String.class, String.class);
      return TaskState.valueOf("TASK_STATE_" + s);
    } catch (RuntimeException e) {
      // absent (not yet upserted, or no search attributes on this server) or not ours: the task has not planned
      return TaskState.TASK_STATE_PLANNING;
    }
  }

  private String namespace() {
    return client.getOptions().getNamespace();
  }
}
