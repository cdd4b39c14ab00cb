package io.nightshift.api.edge;

import io.nightshift.api.v1.AgentBudget;
import io.nightshift.api.v1.ReplanPolicy;
import io.nightshift.api.v1.TaskBudget;
import io.nightshift.api.v1.TaskSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private final HostileValues values;
  private final Dice dice;

  FuzzedSpecs(HostileValues values) {
    this.values = values;
    this.dice = values.dice();
  }

  /** An inline pipeline seven times in ten; else, one time in three, a catalogue name; else neither. */
  TaskSpec spec() {
    TaskSpec.Builder spec = TaskSpec.newBuilder().setGoal(values.text());
    if (dice.chance(0.7)) {
      spec.setPipelineYaml(pipelineYaml());
    } else if (dice.chance(0.3)) {
      spec.setPipelineName(values.name());
    }
    spec.putAllParams(params());
    if (dice.chance(0.2)) {
      spec.setReplan(ReplanPolicy.newBuilder().setMaxVersions(values.anyInt()).setApprovalRequired(dice.chance(0.5)));
    }
    if (dice.chance(0.3)) {
      AgentBudget.Builder b = AgentBudget.newBuilder();
      maybe(() -> b.setMaxTokens(budgetNumber()));
      maybe(() -> b.setMaxCost(values.decimal()));
      maybe(() -> b.setWallClockSeconds(budgetNumber()));
      spec.setAgentBudget(b);
    }
    if (dice.chance(0.3)) {
      TaskBudget.Builder b = TaskBudget.newBuilder();
      maybe(() -> b.setMaxTokens(budgetNumber()));
      maybe(() -> b.setMaxCost(values.decimal()));
      maybe(() -> b.setWallClockSeconds(budgetNumber()));
      spec.setBudget(b);
    }
    return spec.build();
  }

  private String pipelineYaml() {
    return switch (dice.weighted(4, 2, 1)) {
      case 0 -> gatedPipeline();
      case 1 -> values.text();
      default -> dice.oneOf(HOSTILE_YAML);
    };
  }

  /**
   * One step that waits for approval, with fuzzed names, tool, param and dependency; mostly table.describe with
   * its one param and no dependency, which is a valid pipeline when the names are valid.
   */
  private String gatedPipeline() {
    String pipeline = values.name();
    String step = values.name();
    String tool = switch (dice.weighted(4, 2, 1)) {
      case 0 -> DESCRIBE;
      case 1 -> dice.oneOf(TOOLS);
      default -> values.text();
    };
    String param = dice.weighted(4, 1) == 0 ? "input" : values.name();
    String value = values.text();
    List<String> needs = new ArrayList<>();
    if (dice.weighted(3, 1) == 1) {
      for (int i = dice.size(0, 2); i > 0; i--) {
        needs.add(values.name());
      }
    }
    return "name: " + HostileValues.quoted(pipeline) + "\nsteps:\n"
        + "  - name: " + HostileValues.quoted(step) + "\n    tool: " + HostileValues.quoted(tool)
        + "\n    approval: required\n"
        + "    params: {" + HostileValues.quoted(param) + ": " + HostileValues.quoted(value) + "}\n"
        + "    needs: [" + String.join(", ", needs.stream().map(HostileValues::quoted).toList()) + "]\n";
  }

  private Map<String, String> params() {
    Map<String, String> params = new HashMap<>();
    if (dice.weighted(2, 1) == 1) {
      for (int i = dice.size(0, 3); i > 0; i--) {
        params.put(values.text(), values.text());
      }
    }
    return params;
  }

  /** Mostly a sane limit, else any long (0, negative, overflowing when made milliseconds). */
  private long budgetNumber() {
    return dice.weighted(2, 1) == 0 ? dice.between(1L, 1_000_000L) : values.anyLong();
  }

  /** Each budget field is left unset three times in ten, so defaults meet the limits that are set. */
  private void maybe(Runnable setField) {
    if (dice.chance(0.7)) {
      setField.run();
    }
  }
}
