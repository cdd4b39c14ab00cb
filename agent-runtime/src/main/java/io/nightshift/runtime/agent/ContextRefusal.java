package io.nightshift.runtime.agent;

import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's refusal of a call because the prompt (with the answer's room) would not fit its context window, with
 * the numbers the server gave where its wording is known. Our measure can fall short of the server's count (a chat
 * template we do not know), so such a refusal is an overflow to compact, not a bad request.
 *
 * @param window       the server's context window, if it said
 * @param promptTokens the prompt tokens it counted (or, where it gave only that, the tokens requested), if it said
 * @param message      the server's words, for the error a person reads
 */
record ContextRefusal(OptionalInt window, OptionalInt promptTokens, String message) {
  /** OpenAI, vLLM, llama-cpp-python: "maximum context length is 2048 tokens"; llama.cpp: "context window of 2048". */
  private static final Pattern WINDOW = Pattern.compile("(?:maximum context length is|context window of) (\\d{1,9})");
  /**
   * The prompt's tokens, in order of preference (a matcher finds the earliest match in the text, so one alternation
   * would take "you requested 2113" over the "2049 in the messages" after it): llama-cpp-python and OpenAI
   * "(2049 in the messages, 64 in the completion)"; vLLM "your request has 2100 input tokens"; older wordings
   * "you requested 2113 tokens"; llama.cpp "Requested tokens (2113)".
   */
  private static final List<Pattern> PROMPT = List.of(Pattern.compile("(\\d{1,9}) in the messages"),
      Pattern.compile("your request has (\\d{1,9})"), Pattern.compile("you requested (\\d{1,9})"),
      Pattern.compile("Requested tokens \\((\\d{1,9})\\)"));

  /** The refusal, if {@code e} is one (the classifier's context-length kind); other failures are left as they are. */
  static Optional<ContextRefusal> of(ModelCallException e) {
    if (e.kind() != FailureKind.CONTEXT_LENGTH_EXCEEDED) {
      return Optional.empty();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    OptionalInt prompt = PROMPT.stream().map(p -> first(p, message)).filter(OptionalInt::isPresent).findFirst()
        .orElse(OptionalInt.empty());
    return Optional.of(new ContextRefusal(first(WINDOW, message), prompt, message));
  }

  private static OptionalInt first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** The numbers for a person: "a context window of 2048 tokens and 2049 prompt tokens by its count". */
  String numbers() {
    String w = window.isPresent() ? "a context window of " + window.getAsInt() + " tokens"
        : "a context window it did not state";
    String p = promptTokens.isPresent() ? promptTokens.getAsInt() + " prompt tokens by its count"
        : "a prompt size it did not state";
    return w + " and " + p;
  }
}
