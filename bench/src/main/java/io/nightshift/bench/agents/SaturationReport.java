package io.nightshift.bench.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a saturation bench found: each arm's throughputs against the endpoint's true capacity (scripted: its slots /
 * its service time, known by construction; llama.cpp: the sum of the servers' solo throughputs, measured first).
 * The target is decided on the agent steps' whole-run median, ramp and tail included, against the true capacity;
 * the direct arm is a second reference (C clients back to back, no engine), with its own ratio to the capacity, and
 * "direct + queue" a third (as many clients as the runtime keeps in flight: the slots plus the queue depth).
 */
public record SaturationReport(String endpoint, double trueCapacity, String capacityBasis, ArmFigures direct,
    ArmFigures agentSteps, ArmFigures agentWorkflows, ArmFigures directQueued) {
  public static final double TARGET = 0.95;

  /** Agent steps, whole run, median over the runs / true capacity: the figure the target is decided on. */
  public double agentStepsWholeRunRatio() {
    return agentSteps.wholeRunMedian() / trueCapacity;
  }

  public boolean met() {
    return agentStepsWholeRunRatio() >= TARGET;
  }

  /** Agent steps / the direct arm, whole-run medians: a ratio against a baseline arm of the same run. */
  public double agentStepsToDirect() {
    return agentSteps.wholeRunMedian() / direct.wholeRunMedian();
  }

  List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "true capacity %.3f calls/s (%s)", trueCapacity, capacityBasis));
    for (ArmFigures arm : List.of(direct, directQueued, agentSteps, agentWorkflows)) {
      out.add(arm.describe(trueCapacity));
    }
    out.add(String.format(Locale.ROOT, "agent steps / direct (whole-run medians) %.3f; AgentWorkflows / direct %.3f",
        agentStepsToDirect(), agentWorkflows.wholeRunMedian() / direct.wholeRunMedian()));
    out.add(String.format(Locale.ROOT, "TARGET agent steps, whole run / true capacity >= %.2f: %.3f %s", TARGET,
        agentStepsWholeRunRatio(), met() ? "met" : "MISSED"));
    out.add(String.format(Locale.ROOT, "(reported, no target) AgentWorkflows whole run / true capacity %.3f",
        agentWorkflows.wholeRunMedian() / trueCapacity));
    return out;
  }
}
