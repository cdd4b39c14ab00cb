package io.nightshift.bench.longagent;

import io.nightshift.workflows.agent.AgentToolCall;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.TranscriptMessage.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the model did, read from the full transcript (compacted turns included): the tools it called, whether each
 * answer followed the instruction the scripted tool gave just before it, and the memory calls with their turns.
 *
 * @param toolCalls    tool calls by tool name
 * @param textAnswers  answers without a tool call
 * @param instructed   answers that followed a scripted instruction (one naming the function to call, or none)
 * @param followed     of those, the ones that did what it said
 * @param saves        memory.save calls: the turn and the arguments
 * @param searches     memory.search calls: the turn, the arguments, and the result the model read
 * @param written      everything the model wrote: its answers' text and its calls' arguments
 */
record ModelBehaviour(Map<String, Integer> toolCalls, int textAnswers, int instructed, int followed,
    List<MemoryCall> saves, List<MemoryCall> searches, List<String> written) {
  private static final Pattern CALL = Pattern.compile("Call (\\w+)");

  /**
   * A memory tool call at a turn (the model call that asked for it), with what came back, and how many compactions
   * the transcript holds before it.
   */
  record MemoryCall(int turn, String arguments, String result, int compactionsBefore) {}

  static ModelBehaviour of(List<TranscriptMessage> transcript) {
    Map<String, Integer> calls = new LinkedHashMap<>();
    Map<String, MemoryCall> pending = new LinkedHashMap<>();
    List<MemoryCall> saves = new ArrayList<>();
    List<MemoryCall> searches = new ArrayList<>();
    List<String> written = new ArrayList<>();
    int turn = 0;
    int texts = 0;
    int instructed = 0;
    int followed = 0;
    int compactions = 0;
    Optional<String> expected = Optional.empty(); // a tool's registry name, or "" for "answer, call nothing"
    for (TranscriptMessage m : transcript) {
      if (m.hasCompaction()) {
        compactions++;
      }
      if (m.role() == Role.ASSISTANT) {
        turn++;
        if (m.toolCalls().isEmpty()) {
          texts++;
        }
        if (m.text() != null) {
          written.add(m.text());
        }
        for (AgentToolCall c : m.toolCalls()) {
          calls.merge(c.name(), 1, Integer::sum);
          written.add(c.argumentsJson());
          if (c.name().startsWith("memory.")) {
            pending.put(c.id(), new MemoryCall(turn, c.argumentsJson(), "", compactions));
          }
        }
        if (expected.isPresent()) {
          instructed++;
          String want = expected.get();
          boolean did = want.isEmpty() ? m.toolCalls().isEmpty()
              : m.toolCalls().stream().anyMatch(c -> c.name().equals(want));
          followed += did ? 1 : 0;
          expected = Optional.empty();
        }
      } else if (m.role() == Role.TOOL) {
        MemoryCall call = pending.remove(m.toolCallId());
        if (call != null) {
          MemoryCall done = new MemoryCall(call.turn(), call.arguments(), m.text(), call.compactionsBefore());
          (m.toolName().equals("memory.save") ? saves : searches).add(done);
        }
        if (m.toolName().equals(NextStepTool.NAME) && m.text() != null && m.text().startsWith("ok: Step")) {
          expected = instructionOf(m.text());
        }
      }
    }
    return new ModelBehaviour(calls, texts, instructed, followed, saves, searches, written);
  }

  /** How many of the model's answers and call arguments contain {@code text}. */
  long mentions(String text) {
    return written.stream().filter(w -> w.contains(text)).count();
  }

  /** The function the scripted result asks for first, by registry name; "" when it asks for an answer. */
  private static Optional<String> instructionOf(String result) {
    String instruction = result.lines().findFirst().orElse("");
    if (instruction.contains("Do not call any function")) {
      return Optional.of("");
    }
    Matcher m = CALL.matcher(instruction);
    return m.find() ? Optional.of(m.group(1).replace("__", ".")) : Optional.empty();
  }
}
