package io.nightshift.runtime.worker;

import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.models.ModelCall;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.RoleContext;
import io.nightshift.runtime.RolePart;
import io.nightshift.runtime.agent.AgentWorkers;
import io.nightshift.runtime.backends.AcceleratorPools;
import io.nightshift.runtime.backends.BackendWorker;
import io.nightshift.runtime.backends.ModelServerActivitiesImpl;
import io.nightshift.runtime.backends.ModelServers;
import io.nightshift.runtime.lifecycle.Closer;
import io.nightshift.runtime.planning.Planning;
import io.nightshift.runtime.planning.RuntimePlanners;
import io.nightshift.runtime.temporal.TemporalConnection;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker role: the control worker (task, map and agent workflows, planning, tool steps) and one worker per
 * accelerator pool this process holds (inventory, tool steps placed on the pool, model servers on leases), in the
 * runtime's namespace and in every namespace a tenant is mapped to. The pools' units are this process's whatever
 * the namespace, so every namespace's steps wait at the same gates.
 */
public final class WorkerRole implements RolePart {
  private static final Logger log = LoggerFactory.getLogger(WorkerRole.class);

  @Override
  public Role role() {
    return Role.WORKER;
  }

  @Override
  public void start(RoleContext context, Closer closer) {
    TemporalConnection temporal = context.temporal();
    // stopped before what their activities use (pools, model servers, the Temporal link), which closed earlier
    WorkerShutdown workers = closer.push(new WorkerShutdown(
        Duration.ofSeconds(context.config().shutdownGraceSeconds())));
    poll(context, temporal.client(), workers);
    context.tenantNamespaces().byNamespace()
        .forEach((namespace, client) -> {
          poll(context, client, workers);
          log.info("worker polling namespace {} too (--tenant-namespace)", namespace);
        });
    Planning planning = context.planning();
    ToolRegistry tools = planning.tools();
    log.info("worker polling with {} tools: {}", tools.all().size(),
        String.join(", ", tools.all().stream().map(ToolDescriptor::name).toList()));
    log.info(planning.plannerModel().map(p -> "planner: pipelines, and goals on model endpoint '" + p.endpoint()
        + "'").orElse("planner: pipelines only (no 'planner:' in the models file)"));
  }

  /** The control and pool workers on {@code client}'s namespace. */
  private static void poll(RoleContext context, WorkflowClient client, WorkerShutdown stopping) {
    WorkerShutdown.Namespace workers = stopping.forClient(client);
    AcceleratorPools pools = context.pools();
    TemporalConnection temporal = context.temporal();
    Planning planning = context.planning();
    ToolRegistry tools = planning.tools();
    Optional<ModelCall> models = pools.endpoints().map(e -> new ModelCall(e, context.ops().modelCalls()));
    WorkerFactoryOptions timed = WorkerFactoryOptions.newBuilder()
        .setWorkerInterceptors(context.ops().stepTimings(), workers.running()).build();
    workers.add(ControlWorker.start(client, timed, tools,
        RuntimePlanners.of(planning.planner(), tools, models, planning.plannerModel()), context.files(),
        temporal.stickyOff(), models));
    // agents on servers a pool starts on a lease make their model and tool calls on the pool's queue, in this
    // process, where the server's endpoint is registered (servers run only where endpoints, so models, are known)
    Object[] onPools = pools.servers().map(s -> onPools(s, models.orElseThrow(), tools, context.files()))
        .orElse(new Object[0]);
    workers.add(BackendWorker.start(client, timed, pools.inventory(),
        admission -> new StepActivitiesImpl(tools::find, context.files(), ActivityToolRunner.HEARTBEAT_EVERY_MILLIS,
            admission), temporal.stickyOff(), onPools));
  }

  private static Object[] onPools(ModelServers servers, ModelCall models, ToolRegistry tools, ToolFiles files) {
    return Stream.concat(Stream.of(new ModelServerActivitiesImpl(servers)),
        Arrays.stream(AgentWorkers.activities(models, AgentWorkers.measuredByServers(models), tools, files)))
        .toArray();
  }
}
