package io.nightshift.bench.longagent;

import java.util.Locale;
import java.util.Optional;

/**
 * What the scripted tool tells the agent at each of its calls: go on (with filler text, so the conversation grows
 * past the window and must be compacted), save a code word with {@code memory.save} at one call, find it again with
 * {@code memory.search} at a later one, and answer once the work is done. SmolLM2-135M follows little of a loose
 * instruction, so each one names exactly the function to call next, by the name the model sees, and the save and
 * the search are each asked for at {@value #TRIES} steps in a row (the model may let the first pass).
 *
 * <p>It never chose a memory tool by itself (a 200-step run: 0 of 6 asks followed), so each ask also forces it
 * ({@link #forcedTool}): the tool's result names the memory tool the model must call next, which the agent sends as a
 * named {@code tool_choice}; the model still writes the arguments (the text to save, the query), so each of the
 * {@value #TRIES} asks is one more chance for it to copy the code word.
 *
 * @param saveAt      the first call whose instruction is to save the code word
 * @param recallAt    the first call whose instruction is to search for it
 * @param endAt       the call from which the instruction is to answer DONE
 * @param codeWord    the fact to keep across compactions
 * @param fillerChars filler characters in each result (about 4 per token)
 */
record TaskScript(int saveAt, int recallAt, int endAt, String codeWord, int fillerChars) {
  static final String NEXT_STEP = "bench__next_step";
  static final String SAVE = "memory__save";
  static final String SEARCH = "memory__search";
  static final int TRIES = 3;
  private static final String[] WORDS = {"the", "sample", "batch", "was", "checked", "and", "logged", "with",
      "its", "reading", "of", "pressure", "in", "row", "plate", "cooled", "before", "next", "run", "noted"};

  TaskScript {
    if (saveAt < 1 || recallAt < saveAt + TRIES || endAt < recallAt + TRIES) {
      throw new IllegalArgumentException("need 1 <= saveAt, saveAt + " + TRIES + " <= recallAt, recallAt + " + TRIES
          + " <= endAt, was " + saveAt + ", " + recallAt + ", " + endAt);
    }
  }

  /** The instruction, first line of the tool's result (the model reads it before the filler). */
  String instruction(int call) {
    if (call >= saveAt && call < saveAt + TRIES) {
      return "Step " + call + ": remember the code word. Call " + SAVE + " with text \"The code word is " + codeWord
          + "\". Then call " + NEXT_STEP + ".";
    }
    if (call >= recallAt && call < recallAt + TRIES) {
      return "Step " + call + ": find the code word you saved. Call " + SEARCH + " with query \"code word\". Then"
          + " call " + NEXT_STEP + ".";
    }
    if (call >= endAt) {
      return "Step " + call + ": all steps are done. Do not call any function. Answer with the word DONE.";
    }
    return "Step " + call + " done. Call " + NEXT_STEP + " now.";
  }

  /** The tool the model must call after this call's result: the memory tool the call's instruction asks for. */
  Optional<String> forcedTool(int call) {
    return call >= saveAt && call < saveAt + TRIES ? Optional.of("memory.save")
        : call >= recallAt && call < recallAt + TRIES ? Optional.of("memory.search") : Optional.empty();
  }

  /** Log text that fills the window: deterministic per call, different between calls (no cache can shortcut it). */
  String filler(int call) {
    StringBuilder text = new StringBuilder("Log of step ").append(call).append(": ");
    for (int i = 0; text.length() < fillerChars; i++) {
      text.append(WORDS[(call * 7 + i * 3) % WORDS.length]).append(' ');
      if (i % 9 == 8) {
        text.append(String.format(Locale.ROOT, "%d.%d. ", call, i));
      }
    }
    return text.toString().strip();
  }
}
