package io.nightshift.api.edge;

import static io.nightshift.api.edge.HostileValues.anyInt;
import static io.nightshift.api.edge.HostileValues.anyLong;
import static io.nightshift.api.edge.HostileValues.decimal;
import static io.nightshift.api.edge.HostileValues.name;
import static io.nightshift.api.edge.HostileValues.quoted;
import static io.nightshift.api.edge.HostileValues.text;

import io.nightshift.api.v1.AgentBudget;
import io.nightshift.api.v1.ReplanPolicy;
import io.nightshift.api.v1.TaskBudget;
import io.nightshift.api.v1.TaskSpec;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Task specs for SubmitTask: goals, inline pipelines that range from valid to hostile YAML, catalogue names,
 * params, replan policies and budgets with every kind of bad number. A spec that passes every check starts a task
 * whose only step waits for approval, so the worker stays idle.
 */
final class FuzzedSpecs {
  private static final String DESCRIBE = "table.describe";
  private static final List<String> TOOLS = List.of("data.read_csv", DESCRIBE, "table.filter", "report.markdown");
  private static final List<String> HOSTILE_YAML = List.of(
      "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
          + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
      "steps: [", "!!java.lang.ProcessBuilder [[\"id\"]]", "name: x\nsteps: []\n", "name: x\nsteps:\n  - 1\n",
      "[".repeat(5_000) + "]".repeat(5_000), "name: !!binary AAAA\nsteps: {}\n", "---\n---\n---\n", "~",
      "name: x\nsteps:\n  - {name: a, tool: table.describe, needs: [a], approval: required}\n",
      "name: x\nsteps:\n  - {name: a, tool: table.describe, params: {input: \"${steps.b.output}\"}}\n"
          + "  - {name: b, tool: table.describe, params: {input: \"${steps.a.output}\"}}\n");

  private FuzzedSpecs() {}

  static Arbitrary<TaskSpec> specs() {
    return Combinators.combine(text(), pipelineYaml().injectNull(0.3), name().injectNull(0.7), params(),
        replan().injectNull(0.8), agentBudget().injectNull(0.7), taskBudget().injectNull(0.7))
        .as((goal, yaml, pipelineName, params, replan, agentBudget, budget) -> {
          TaskSpec.Builder spec = TaskSpec.newBuilder().setGoal(goal).putAllParams(params);
          if (yaml != null) {
            spec.setPipelineYaml(yaml);
          } else if (pipelineName != null) {
            spec.setPipelineName(pipelineName);
          }
          if (replan != null) {
            spec.setReplan(replan);
          }
          if (agentBudget != null) {
            spec.setAgentBudget(agentBudget);
          }
          if (budget != null) {
            spec.setBudget(budget);
          }
          return spec.build();
        });
  }

  private static Arbitrary<String> pipelineYaml() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, gatedPipeline()),
        Tuple.of(2, text()),
        Tuple.of(1, Arbitraries.of(HOSTILE_YAML)));
  }

  /**
   * One step that waits for approval, with fuzzed names, tool, param and dependency; half of them table.describe
   * with its one param and no dependency, which is a valid pipeline when the names are valid.
   */
  private static Arbitrary<String> gatedPipeline() {
    Arbitrary<String> tool = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(DESCRIBE)),
        Tuple.of(2, Arbitraries.of(TOOLS)), Tuple.of(1, text()));
    Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("input")), Tuple.of(1, name()));
    Arbitrary<List<String>> needs = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.of())),
        Tuple.of(1, name().list().ofMaxSize(2)));
    return Combinators.combine(name(), name(), tool, key, text(), needs)
        .as((pipeline, step, toolName, param, value, after) -> "name: " + quoted(pipeline) + "\nsteps:\n"
            + "  - name: " + quoted(step) + "\n    tool: " + quoted(toolName) + "\n    approval: required\n"
            + "    params: {" + quoted(param) + ": " + quoted(value) + "}\n"
            + "    needs: [" + String.join(", ", after.stream().map(HostileValues::quoted).toList()) + "]\n");
  }

  private static Arbitrary<Map<String, String>> params() {
    return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Map.of())),
        Tuple.of(1, Arbitraries.maps(text(), text()).ofMaxSize(3)));
  }

  /** Mostly a sane limit, else any long (0, negative, overflowing when made milliseconds). */
  private static Arbitrary<Long> budgetNumber() {
    return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.longs().between(1, 1_000_000)), Tuple.of(1, anyLong()));
  }

  private static Arbitrary<ReplanPolicy> replan() {
    return Combinators.combine(anyInt(), Arbitraries.of(true, false))
        .as((versions, approval) -> ReplanPolicy.newBuilder().setMaxVersions(versions)
            .setApprovalRequired(approval).build());
  }

  private static Arbitrary<AgentBudget> agentBudget() {
    return Combinators.combine(budgetNumber().injectNull(0.3), decimal().injectNull(0.3),
            budgetNumber().injectNull(0.3))
        .as((tokens, cost, seconds) -> {
          AgentBudget.Builder b = AgentBudget.newBuilder();
          if (tokens != null) {
            b.setMaxTokens(tokens);
          }
          if (cost != null) {
            b.setMaxCost(cost);
          }
          if (seconds != null) {
            b.setWallClockSeconds(seconds);
          }
          return b.build();
        });
  }

  private static Arbitrary<TaskBudget> taskBudget() {
    return Combinators.combine(budgetNumber().injectNull(0.3), decimal().injectNull(0.3),
            budgetNumber().injectNull(0.3))
        .as((tokens, cost, seconds) -> {
          TaskBudget.Builder b = TaskBudget.newBuilder();
          if (tokens != null) {
            b.setMaxTokens(tokens);
          }
          if (cost != null) {
            b.setMaxCost(cost);
          }
          if (seconds != null) {
            b.setWallClockSeconds(seconds);
          }
          return b.build();
        });
  }
}
