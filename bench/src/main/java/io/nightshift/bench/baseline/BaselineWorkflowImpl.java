package io.nightshift.bench.baseline;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one would write by hand with the SDK: a sliding window of activities in one workflow, continuing-as-new
 * when Temporal suggests it (about 4,096 events) so it stays within the same history limits the engine keeps.
 */
public final class BaselineWorkflowImpl implements BaselineWorkflow {
  private final BaselineActivities activities = Workflow.newActivityStub(BaselineActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).build());
  private final BaselineActivities beating = Workflow.newActivityStub(BaselineActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2))
          .setHeartbeatTimeout(Duration.ofSeconds(10)).build());

  @Override
  public int run(Input in) {
    List<Promise<String>> running = new ArrayList<>();
    int next = in.done();
    int finished = in.done();
    boolean cut = false;
    while (finished < in.count()) {
      while (!cut && running.size() < in.window() && next < in.count()) {
        running.add(in.beat() ? Async.function(beating::filterBeating, in.table())
            : Async.function(activities::filter, in.table()));
        next++;
      }
      if (running.isEmpty()) {
        break;
      }
      Promise.anyOf(running).get();
      for (int i = running.size() - 1; i >= 0; i--) {
        if (running.get(i).isCompleted()) {
          running.remove(i).get();
          finished++;
        }
      }
      cut = cut || Workflow.getInfo().isContinueAsNewSuggested();
    }
    if (finished < in.count()) {
      Workflow.continueAsNew(new Input(in.count(), in.window(), in.table(), finished, in.beat()));
    }
    return finished;
  }
}
