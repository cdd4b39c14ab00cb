package io.nightshift.examples.drugdiscovery.proposals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the SMILES a model meant to propose in its free-text answer. Models wrap them in list markers, quotes,
 * code fences and sentences, so this takes every whitespace-separated token that looks like SMILES and leaves
 * prose out; whether a token is a valid molecule is {@link ProposalReview}'s job, so a token that only looks
 * like SMILES is still counted (as invalid) rather than silently dropped.
 */
public final class ProposalText {
  /** More than a round can use; the rest of a runaway answer is ignored (and said so). */
  public static final int MAX_PROPOSALS = 100;

  private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*•+>]+|\\(?\\d{1,3}[.):]|[a-z][.)])\\s+");
  private static final Pattern SMILES_CHARS = Pattern.compile("[A-Za-z0-9@+\\-\\[\\]()=#$:/\\\\.%*]+");
  /** Characters no English word has, but SMILES often does. */
  private static final Pattern SMILES_SIGNS = Pattern.compile(".*[0-9=#()\\[\\]@/\\\\].*");
  /**
   * A token made only of organic-subset atoms, starting with an aliphatic one (CCO, CCN): SMILES even without ring
   * digits or bonds. The capital start and length of three keep words such as "no" and "so" out.
   */
  private static final Pattern ATOMS_ONLY = Pattern.compile("(?:Cl|Br|[BCNOPSFI])(?:Cl|Br|[BCNOPSFI]|[bcnops]){2,}");
  private static final Pattern HAS_ATOM = Pattern.compile(".*[BCNOPSFIbcnops].*");
  private static final String WRAPPERS = "`'\"*_,;:!?“”‘’";

  private ProposalText() {}

  /** The tokens proposed, in the answer's order, at most {@link #MAX_PROPOSALS}; empty for a null or blank answer. */
  public static List<String> extract(String answer) {
    List<String> out = new ArrayList<>();
    if (answer == null) {
      return out;
    }
    for (String rawLine : answer.split("\\R")) {
      String line = rawLine.strip();
      if (line.startsWith("```")) {
        continue;
      }
      line = LIST_MARKER.matcher(line).replaceFirst("");
      for (String raw : line.split("\\s+")) {
        String token = unwrap(raw);
        if (looksLikeSmiles(token) && out.size() < MAX_PROPOSALS) {
          out.add(token);
        }
      }
    }
    return out;
  }

  static boolean looksLikeSmiles(String token) {
    if (token.length() < 2 || !SMILES_CHARS.matcher(token).matches() || !HAS_ATOM.matcher(token).matches()) {
      return false;
    }
    return SMILES_SIGNS.matcher(token).matches() || ATOMS_ONLY.matcher(token).matches();
  }

  /**
   * Strips quotes, emphasis and sentence punctuation around a token, a trailing full stop, and parentheses around
   * it (SMILES never starts with one: "(CBM)" is an abbreviation).
   */
  private static String unwrap(String token) {
    String t = token;
    boolean changed = true;
    while (changed && !t.isEmpty()) {
      changed = false;
      if (WRAPPERS.indexOf(t.charAt(0)) >= 0) {
        t = t.substring(1);
        changed = true;
      } else if (t.charAt(0) == '(') {
        t = t.endsWith(")") ? t.substring(1, t.length() - 1) : t.substring(1);
        changed = true;
      }
      if (!t.isEmpty() && (WRAPPERS.indexOf(t.charAt(t.length() - 1)) >= 0 || t.endsWith("."))) {
        t = t.substring(0, t.length() - 1);
        changed = true;
      }
    }
    return t;
  }
}
