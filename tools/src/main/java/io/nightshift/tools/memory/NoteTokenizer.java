package io.nightshift.tools.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a note or a query into search terms: lower-case (root locale), split on every run of characters that are
 * neither letters nor digits (any script), and leave out a short list of English function words that match almost
 * every note and so only blur the ranking. No stemming: "runs" and "run" are different terms, which is predictable
 * for a model choosing its query words, and notes are short enough that it rarely matters.
 */
final class NoteTokenizer {
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in",
      "is", "it", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with");

  private NoteTokenizer() {}

  static List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    for (String t : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
      if (!t.isEmpty() && !STOP_WORDS.contains(t)) {
        terms.add(t);
      }
    }
    return terms;
  }
}
