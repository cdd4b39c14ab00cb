package io.nightshift.api;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.v1.AgentConversation;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.ApproveTaskResponse;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.CancelTaskResponse;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.ForkTaskResponse;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListPipelinesRequest;
import io.nightshift.api.v1.ListPipelinesResponse;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.ListTasksResponse;
import io.nightshift.api.v1.PauseTaskRequest;
import io.nightshift.api.v1.PauseTaskResponse;
import io.nightshift.api.v1.RejectTaskRequest;
import io.nightshift.api.v1.RejectTaskResponse;
import io.nightshift.api.v1.ResumeTaskRequest;
import io.nightshift.api.v1.ResumeTaskResponse;
import io.nightshift.api.v1.SteerTaskRequest;
import io.nightshift.api.v1.SteerTaskResponse;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.SubmitTaskResponse;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.WatchTaskRequest;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.workflows.engine.FailureMessages;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.control.Decision;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code nightshift.v1.TaskService} over the Temporal client. Each call acts in its caller's {@link TenantScope}:
 * a task of another tenant is NOT_FOUND, exactly as an unknown id is, before anything else about it is looked at.
 */
public final class TaskServiceImpl extends TaskServiceGrpc.TaskServiceImplBase {
  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 500;

  private final TaskNamespaces namespaces;
  private final BooleanSupplier temporalAnswers;

  TaskServiceImpl(WorkflowClient client, TaskSubmitter submitter, TaskWatcher watcher) {
    this(client, submitter, watcher, null);
  }

  /** Every task in {@code client}'s namespace; {@code artifacts} null where conversations are not read. */
  TaskServiceImpl(WorkflowClient client, TaskSubmitter submitter, TaskWatcher watcher,
      ArtifactStore artifacts) {
    this(TaskNamespaces.single(TaskNamespace.of(client, submitter, watcher, Optional.ofNullable(artifacts))));
  }

  TaskServiceImpl(TaskNamespaces namespaces) {
    this(namespaces, () -> true);
  }

  /**
   * @param temporalAnswers whether Temporal answered its last health probe: while it does not, calls are answered
   *                        UNAVAILABLE at once, rather than each waiting out the Temporal client's own deadline
   */
  TaskServiceImpl(TaskNamespaces namespaces, BooleanSupplier temporalAnswers) {
    this.namespaces = namespaces;
    this.temporalAnswers = temporalAnswers;
  }

  @Override
  public void submitTask(SubmitTaskRequest request, StreamObserver<SubmitTaskResponse> out) {
    unary(out, () -> {
      if (!request.hasSpec()) {
        throw ApiErrors.invalid("spec", "a task spec is required");
      }
      TenantScope scope = TenantScope.ofCurrentCall();
      return SubmitTaskResponse.newBuilder().setTaskId(namespaces.of(scope).submitter().submit(request.getSpec(),
          request.getTaskId(), request.getIdempotencyKey(), scope)).build();
    });
  }

  @Override
  public void getTask(GetTaskRequest request, StreamObserver<Task> out) {
    unary(out, () -> {
      TenantScope scope = TenantScope.ofCurrentCall();
      return namespaces.of(scope).reader().get(requireId(request.getTaskId()), scope);
    });
  }

  @Override
  public void listTasks(ListTasksRequest request, StreamObserver<ListTasksResponse> out) {
    unary(out, () -> {
      if (request.getPageSize() < 0 || request.getPageSize() > MAX_PAGE) {
        throw ApiErrors.invalid("page_size", "page_size must be between 0 (default " + DEFAULT_PAGE + ") and "
            + MAX_PAGE + ", was " + request.getPageSize());
      }
      int size = request.getPageSize() == 0 ? DEFAULT_PAGE : request.getPageSize();
      TaskFilter filter = TaskFilter.of(request);
      TenantScope scope = TenantScope.ofCurrentCall();
      return namespaces.of(scope).lister().list(size, request.getPageToken(), filter, scope);
    });
  }

  @Override
  public void watchTask(WatchTaskRequest request, StreamObserver<TaskEvent> out) {
    try {
      requireTemporal();
      String id = requireId(request.getTaskId());
      if (request.getAfterSequence() < 0) {
        throw ApiErrors.invalid("after_sequence", "after_sequence must be >= 0 (0: from the task's first timeline "
            + "entry), was " + request.getAfterSequence());
      }
      TenantScope scope = TenantScope.ofCurrentCall();
      TaskNamespace namespace = namespaces.of(scope);
      namespace.reader().describe(id, scope);
      namespace.watcher().watch(id, request.getAfterSequence(), (ServerCallStreamObserver<TaskEvent>) out);
    } catch (RuntimeException e) {
      out.onError(CallFailures.toStatus(e));
    }
  }

  @Override
  public void cancelTask(CancelTaskRequest request, StreamObserver<CancelTaskResponse> out) {
    unary(out, () -> {
      TaskNamespace namespace = namespaces.of(TenantScope.ofCurrentCall());
      String id = requireRunning(namespace, request.getTaskId(), "cancelled");
      whileRunning(id, "cancelled", () -> namespace.client().newUntypedWorkflowStub(id)
          .cancel(request.getReason().isEmpty() ? null : request.getReason()));
      return CancelTaskResponse.getDefaultInstance();
    });
  }

  @Override
  public void pauseTask(PauseTaskRequest request, StreamObserver<PauseTaskResponse> out) {
    unary(out, () -> {
      TaskNamespace namespace = namespaces.of(TenantScope.ofCurrentCall());
      String id = requireRunning(namespace, request.getTaskId(), "paused");
      whileRunning(id, "paused", () -> namespace.client().newWorkflowStub(TaskWorkflow.class, id)
          .pause(request.getReason()));
      return PauseTaskResponse.getDefaultInstance();
    });
  }

  @Override
  public void resumeTask(ResumeTaskRequest request, StreamObserver<ResumeTaskResponse> out) {
    unary(out, () -> {
      TaskNamespace namespace = namespaces.of(TenantScope.ofCurrentCall());
      String id = requireRunning(namespace, request.getTaskId(), "resumed");
      whileRunning(id, "resumed", () -> namespace.client().newWorkflowStub(TaskWorkflow.class, id).resume());
      return ResumeTaskResponse.getDefaultInstance();
    });
  }

  @Override
  public void approveTask(ApproveTaskRequest request, StreamObserver<ApproveTaskResponse> out) {
    unary(out, () -> {
      if (request.getMaxTokens() < 0) {
        throw ApiErrors.invalid("max_tokens", "max_tokens must be > 0 (or 0 to keep the budget), was "
            + request.getMaxTokens());
      }
      String cost = request.getMaxCost().isBlank() ? null : BudgetFields.cost("max_cost", request.getMaxCost());
      decide(request.getTaskId(), new Decision(request.getStep(), true, request.getComment(), request.getBy(),
          request.getMaxTokens(), cost, 0));
      return ApproveTaskResponse.getDefaultInstance();
    });
  }

  @Override
  public void rejectTask(RejectTaskRequest request, StreamObserver<RejectTaskResponse> out) {
    unary(out, () -> {
      decide(request.getTaskId(), new Decision(request.getStep(), false, request.getComment(), request.getBy(), 0,
          null, 0));
      return RejectTaskResponse.getDefaultInstance();
    });
  }

  @Override
  public void steerTask(SteerTaskRequest request, StreamObserver<SteerTaskResponse> out) {
    unary(out, () -> {
      if (request.getGuidance().isBlank()) {
        throw ApiErrors.invalid("guidance", "guidance must not be empty");
      }
      TaskNamespace namespace = namespaces.of(TenantScope.ofCurrentCall());
      String id = requireRunning(namespace, request.getTaskId(), "steered");
      whileRunning(id, "steered", () -> namespace.client().newWorkflowStub(TaskWorkflow.class, id)
          .steer(request.getGuidance()));
      return SteerTaskResponse.getDefaultInstance();
    });
  }

  @Override
  public void getAgentConversation(GetAgentConversationRequest request,
      StreamObserver<AgentConversation> out) {
    unary(out, () -> {
      TenantScope scope = TenantScope.ofCurrentCall();
      return namespaces.of(scope).conversations().orElseThrow(() -> ApiErrors.unimplemented(
          "this API has no artifact store to read conversations from"))
          .get(request, scope);
    });
  }

  @Override
  public void forkTask(ForkTaskRequest request, StreamObserver<ForkTaskResponse> out) {
    unary(out, () -> {
      TenantScope scope = TenantScope.ofCurrentCall();
      return namespaces.of(scope).forker().fork(request, scope);
    });
  }

  /**
   * The caller's namespace's catalog, which needs no Temporal: a client can show the pipelines while Temporal is
   * down, and its submit then gets the UNAVAILABLE.
   */
  @Override
  public void listPipelines(ListPipelinesRequest request, StreamObserver<ListPipelinesResponse> out) {
    ListPipelinesResponse pipelines;
    try {
      pipelines = new PipelineListing(namespaces.of(TenantScope.ofCurrentCall()).submitter().catalog()).list();
    } catch (RuntimeException e) {
      out.onError(CallFailures.toStatus(e));
      return;
    }
    out.onNext(pipelines);
    out.onCompleted();
  }

  /**
   * Delivers a decision as the task's submitDecision update. The task checks that the step waits in the same step
   * that delivers the decision, so a decision never reaches a step that stopped waiting after a look at its progress.
   */
  private void decide(String taskId, Decision decision) {
    TaskNamespace namespace = namespaces.of(TenantScope.ofCurrentCall());
    String id = requireRunning(namespace, taskId, "decided on");
    if (decision.step().isBlank()) {
      throw ApiErrors.invalid("step", "name the step to decide on");
    }
    try {
      namespace.client().newWorkflowStub(TaskWorkflow.class, id).submitDecision(decision);
    } catch (WorkflowUpdateException e) {
      // the task refused it: the step is not waiting (the message names those that are)
      throw ApiErrors.failedPrecondition(FailureMessages.of(e));
    } catch (WorkflowNotFoundException e) {
      throw ApiErrors.failedPrecondition("task '" + id + "' already ended; only running tasks can be decided on");
    }
  }

  /** The id of a task of the caller's tenant that is still running; NOT_FOUND or FAILED_PRECONDITION otherwise. */
  private static String requireRunning(TaskNamespace namespace, String taskId, String verb) {
    String id = requireId(taskId);
    var info = namespace.reader().describe(id, TenantScope.ofCurrentCall());
    if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        && info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW) {
      throw ApiErrors.failedPrecondition("task '" + id + "' already ended (" + TaskReader.stateOf(info.getStatus())
          + "); only running tasks can be " + verb);
    }
    return id;
  }

  /**
   * Signals a task found running a moment ago: one that ended in between (the fuzzer caught a resume arriving as
   * its task completed, answered UNKNOWN) gets the answer it would have got a moment later.
   */
  private static void whileRunning(String id, String verb, Runnable signal) {
    try {
      signal.run();
    } catch (WorkflowNotFoundException e) {
      throw ApiErrors.failedPrecondition("task '" + id + "' already ended; only running tasks can be " + verb);
    }
  }

  private static String requireId(String id) {
    if (id == null || id.isBlank()) {
      throw ApiErrors.invalid("task_id", "task_id is required");
    }
    return id;
  }

  private void requireTemporal() {
    if (!temporalAnswers.getAsBoolean()) {
      throw ApiErrors.unavailable(CallFailures.UNREACHABLE);
    }
  }

  /**
   * Runs {@code body} and answers with its value, or with the status its failure maps to ({@link CallFailures});
   * a call whose deadline passed (or that its client cancelled) meanwhile gets DEADLINE_EXCEEDED ({@link
   * CallDeadlines}), whatever the body did.
   */
  private <T> void unary(StreamObserver<T> out, Supplier<T> body) {
    T value;
    try {
      CallDeadlines.requireOpen();
      requireTemporal();
      value = body.get();
      // a view made after the deadline passed is a late answer, even where each Temporal call stopped in time
      CallDeadlines.requireOpen();
    } catch (RuntimeException e) {
      out.onError(CallFailures.toStatus(e));
      return;
    }
    out.onNext(value);
    out.onCompleted();
  }
}
