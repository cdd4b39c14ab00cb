package io.nightshift.workflows.task;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replays a history and keeps the input of every child workflow the replayed code starts, by child workflow id.
 * Replay matches a child's type and id against the history, not its input, so a change to what a workflow hands
 * its children (where a map's chunks run, say) replays cleanly; a test compares these inputs with the recorded ones
 * to catch it.
 */
final class ReplayedChildren {
  private ReplayedChildren() {}

  static Map<String, Object> replay(WorkflowExecutionHistory history, Class<?>... workflows) throws Exception {
    Map<String, Object> inputs = new ConcurrentHashMap<>();
    WorkerInterceptor recorder = new WorkerInterceptorBase() {
      @Override
      public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
          @Override
          public void init(WorkflowOutboundCallsInterceptor outbound) {
            super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
              @Override
              public <R> ChildWorkflowOutput<R> executeChildWorkflow(ChildWorkflowInput<R> input) {
                inputs.put(input.getWorkflowId(), input.getArgs()[0]);
                return super.executeChildWorkflow(input);
              }
            });
          }
        };
      }
    };
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(recorder).build())
        .build())) {
      Worker worker = env.newWorker("replay");
      worker.registerWorkflowImplementationTypes(workflows);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    }
    return inputs;
  }
}
