package io.nightshift.bench.longagent;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.workflows.agent.Compaction;
import io.nightshift.workflows.agent.TranscriptMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The long agent's figures, printed: the runtime's side first, then what the model did. */
final class LongAgentReport {
  private final TaskScript script;
  private final CallLog log;
  private final NextStepTool tool;
  private final AgentRuns runs;
  private final List<TranscriptMessage> transcript;
  private final ArtifactStore artifacts;
  private final int window;
  private final double seconds;

  LongAgentReport(TaskScript script, CallLog log, NextStepTool tool, AgentRuns runs,
      List<TranscriptMessage> transcript, ArtifactStore artifacts, int window, double seconds) {
    this.script = script;
    this.log = log;
    this.tool = tool;
    this.runs = runs;
    this.transcript = transcript;
    this.artifacts = artifacts;
    this.window = window;
    this.seconds = seconds;
  }

  void print(PrintStream out) throws IOException {
    List<AgentRuns.Run> all = runs.all();
    AgentRuns.Run last = all.get(all.size() - 1);
    List<CallLog.ModelCallRecord> calls = log.madeCalls();
    List<CallLog.CompactionRecord> compactions = log.compactions();
    List<Compaction> events = transcript.stream().filter(TranscriptMessage::hasCompaction)
        .map(TranscriptMessage::compaction).toList();
    int peakMeasured = calls.stream().mapToInt(CallLog.ModelCallRecord::measured).max().orElse(0);
    long peakServed = calls.stream().mapToLong(CallLog.ModelCallRecord::served).max().orElse(0);
    long peakServedWithAnswer = calls.stream().mapToLong(c -> c.served() + c.answered()).max().orElse(0);
    long over = calls.stream().filter(c -> c.served() + c.answered() > window || c.measured() > window).count();
    long under = calls.stream().filter(c -> c.served() > c.measured()).count();
    long peakSummaryPrompt = compactions.stream().mapToLong(CallLog.CompactionRecord::summaryPromptTokens).max()
        .orElse(0);
    out.println();
    long failed = all.stream().filter(r -> r.failure() != null).count();
    out.printf(Locale.ROOT, "runtime: %d turns (model calls), %d tool calls, %d compactions (%d events in the "
            + "final transcript%s); %d run(s) of the agent: %d went on after a text answer, %d after a failure; the last %s%n",
        last.usage().turns(), last.usage().toolCalls(), last.usage().compactions(), events.size(),
        events.size() == last.usage().compactions() ? "" : "; the others came after an answer the bench took back",
        all.size(),
        all.size() - 1 - (last.failure() == null ? failed : failed - 1), last.failure() == null ? failed : failed - 1,
        last.failure() == null ? "ended " + last.result().reason() + ": " + last.result().detail()
            : "failed: " + last.failure());
    runs.rewound().forEach(r -> out.println("  the bench took back the model's last answer " + r + " (it left "
        + "no room in the window as the kept last turn)"));
    for (AgentRuns.Run run : all) {
      if (run.failure() != null) {
        out.printf(Locale.ROOT, "  %s failed after turn %d: %s%n", run.workflowId(), run.usage().turns(),
            run.failure());
      }
    }
    out.printf(Locale.ROOT, "window %d tokens: peak prompt %d measured by the runtime (server tokenizer), %d "
            + "counted by the server (%d with its answer); summary calls' peak prompt %d (server)%n", window,
        peakMeasured, peakServed, peakServedWithAnswer, peakSummaryPrompt);
    out.printf(Locale.ROOT, "calls sent over the window: %d of %d (prompt measured, or prompt and answer counted by "
        + "the server, above %d); calls the server counted above the runtime's measure: %d%n", over, calls.size(),
        window, under);
    List<String> failedCalls = log.failedCalls();
    out.printf(Locale.ROOT, "model calls that failed: %d%n", failedCalls.size());
    failedCalls.forEach(f -> out.println("  " + (f.length() > 260 ? f.substring(0, 260) + "..." : f)));
    out.printf(Locale.ROOT, "model call median %.0f ms, compaction median %.0f ms; wall %.1f s (%.1f min)%n",
        median(calls.stream().map(c -> (double) c.millis()).toList()),
        median(compactions.stream().map(c -> (double) c.millis()).toList()), seconds, seconds / 60);
    if (!events.isEmpty()) {
      Compaction first = events.get(0);
      out.printf(Locale.ROOT, "first compaction (before model call %d): %d turns summarised, the prompt was %d of "
          + "%d tokens; its summary (%s):%n", compactions.isEmpty() ? -1 : compactions.get(0).turn(), first.turns(),
          first.promptTokens(), first.window(), first.summary().uri());
      out.println(indent(new String(artifacts.read(first.summary()), StandardCharsets.UTF_8)));
    }
    printModel(out, ModelBehaviour.of(transcript));
  }

  private void printModel(PrintStream out, ModelBehaviour model) {
    out.printf(Locale.ROOT, "model: tool calls %s, %d text answer(s); followed %d of %d scripted instructions; "
        + "%s called %d time(s) (the script has %d steps)%n", model.toolCalls(), model.textAnswers(),
        model.followed(), model.instructed(), NextStepTool.NAME, tool.calls(), script.endAt());
    out.printf(Locale.ROOT, "code word %s, to save at step %d and recall at step %d%n", script.codeWord(),
        script.saveAt(), script.recallAt());
    for (ModelBehaviour.MemoryCall save : model.saves()) {
      out.printf(Locale.ROOT, "  memory.save at turn %d: %s -> %s; holds the code word: %s%n", save.turn(),
          save.arguments(), firstLine(save.result()), save.arguments().contains(script.codeWord()));
    }
    for (ModelBehaviour.MemoryCall search : model.searches()) {
      out.printf(Locale.ROOT, "  memory.search at turn %d: %s -> %s; found the code word: %s%n", search.turn(),
          search.arguments(), firstLine(search.result()), search.result().contains(script.codeWord()));
    }
    if (model.saves().isEmpty() && model.searches().isEmpty()) {
      out.println("  no memory.save or memory.search call");
    }
    out.printf(Locale.ROOT, "  the model wrote the code word itself (in an answer or a call's arguments) %d time(s)%n",
        model.mentions(script.codeWord()));
    out.println(recall(model));
  }

  /** The figure's line: whether a search after the save brought the saved code word back, across compactions. */
  private String recall(ModelBehaviour model) {
    ModelBehaviour.MemoryCall saved = model.saves().stream()
        .filter(s -> s.arguments().contains(script.codeWord())).findFirst().orElse(null);
    if (saved == null) {
      return "recall: NOT SHOWN (no memory.save held the code word" + (model.saves().isEmpty() ? ""
          : "; the model wrote other text into its " + model.saves().size() + " save(s)") + ")";
    }
    ModelBehaviour.MemoryCall found = model.searches().stream()
        .filter(s -> s.turn() > saved.turn() && s.result().contains(script.codeWord())).findFirst().orElse(null);
    if (found == null) {
      return "recall: NO (saved at turn " + saved.turn() + "; " + model.searches().size()
          + " later search(es), none brought the code word back)";
    }
    int between = found.compactionsBefore() - saved.compactionsBefore();
    return String.format(Locale.ROOT, "recall: YES, the code word saved at turn %d came back from memory.search at "
        + "turn %d, %d compaction(s) later", saved.turn(), found.turn(), between);
  }

  private static String firstLine(String text) {
    String line = text == null ? "" : text.lines().findFirst().orElse("");
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }

  private static String indent(String text) {
    return "  | " + text.strip().replace("\n", "\n  | ");
  }

  private static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return 0;
    }
    List<Double> sorted = xs.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
