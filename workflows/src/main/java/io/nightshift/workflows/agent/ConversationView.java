package io.nightshift.workflows.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the model sees of a transcript: the pinned messages (system prompt, the task's request, every operator
 * guidance message, the latest compaction's summary) and the turns after the latest compaction. A turn is a model
 * answer with the tool results that follow it, so a tool call is never shown without its result, or the other way
 * round. The transcript itself is never changed; this only chooses from it. Pure: used by activities and tests.
 */
public final class ConversationView {
  /** How the workflow writes a person's steering into the conversation; such messages are always shown. */
  public static final String GUIDANCE_PREFIX = "Guidance from the operator: ";

  private final List<TranscriptMessage> all;
  private final boolean[] pinned;
  private final Optional<TranscriptMessage> summary;
  private final int upTo;
  /** Indexes into {@code all} of the unpinned messages after the latest compaction, one list per turn. */
  private final List<List<Integer>> turns = new ArrayList<>();

  private ConversationView(List<TranscriptMessage> all) {
    this.all = List.copyOf(all);
    this.pinned = new boolean[all.size()];
    TranscriptMessage latest = null;
    boolean taskSeen = false;
    for (int i = 0; i < all.size(); i++) {
      TranscriptMessage m = all.get(i);
      if (m.hasCompaction()) {
        latest = m;
      } else if (m.role() == TranscriptMessage.Role.SYSTEM || isGuidance(m)) {
        pinned[i] = true;
      } else if (m.role() == TranscriptMessage.Role.USER && !taskSeen) {
        pinned[i] = true; // the task's request: the first thing a person asked
        taskSeen = true;
      }
    }
    this.summary = Optional.ofNullable(latest);
    this.upTo = latest == null ? 0 : latest.compaction().upTo();
    for (int i = upTo; i < all.size(); i++) {
      if (pinned[i] || all.get(i).hasCompaction()) {
        continue;
      }
      if (turns.isEmpty() || all.get(i).role() == TranscriptMessage.Role.ASSISTANT) {
        turns.add(new ArrayList<>());
      }
      turns.get(turns.size() - 1).add(i);
    }
  }

  public static ConversationView of(List<TranscriptMessage> transcript) {
    return new ConversationView(transcript);
  }

  /**
   * The view with every answer longer than {@code maxAnswerChars} shown cut (see {@link AnswerCut}); the transcript
   * keeps it whole.
   */
  public static ConversationView of(List<TranscriptMessage> transcript, int maxAnswerChars) {
    return new ConversationView(AnswerCut.apply(transcript, maxAnswerChars));
  }

  static boolean isGuidance(TranscriptMessage m) {
    return m.role() == TranscriptMessage.Role.USER && m.text() != null && m.text().startsWith(GUIDANCE_PREFIX);
  }

  /** The turns after the latest compaction, each shown whole or not at all. */
  public int turnCount() {
    return turns.size();
  }

  /** The latest compaction event, whose summary the model sees. */
  public Optional<TranscriptMessage> summary() {
    return summary;
  }

  /** Everything the model may see: pinned messages, the latest summary and every turn since. */
  public List<TranscriptMessage> messages() {
    return messages(0);
  }

  /**
   * The view without its {@code leftOut} oldest turns (at most all but one are left out). A note in their place
   * tells the model that earlier turns are not shown.
   */
  public List<TranscriptMessage> messages(int leftOut) {
    int dropped = Math.max(0, Math.min(leftOut, turns.size() - 1));
    boolean[] shown = pinned.clone();
    for (int t = dropped; t < turns.size(); t++) {
      turns.get(t).forEach(i -> shown[i] = true);
    }
    int firstKept = dropped < turns.size() ? turns.get(dropped).get(0) : all.size();
    // the summary stands where the turns it covers stood; the note, where the turns left out stood
    List<TranscriptMessage> out = new ArrayList<>();
    boolean summaryPlaced = summary.isEmpty();
    boolean notePlaced = dropped == 0;
    for (int i = 0; i < all.size(); i++) {
      if (!shown[i]) {
        continue;
      }
      if (!summaryPlaced && i >= upTo) {
        out.add(summary.get());
        summaryPlaced = true;
      }
      if (!notePlaced && i >= firstKept) {
        out.add(leftOutNote(dropped));
        notePlaced = true;
      }
      out.add(all.get(i));
    }
    if (!summaryPlaced) {
      out.add(summary.get());
    }
    if (!notePlaced) {
      out.add(leftOutNote(dropped));
    }
    return out;
  }

  private static TranscriptMessage leftOutNote(int dropped) {
    return TranscriptMessage.user("[" + dropped + " earlier turn(s) are not shown: the conversation outgrew the "
        + "model's context window. Ask again for anything you need from them.]");
  }

  /**
   * What the model would see after a compaction keeping the last {@code keep} turns, but for the new summary: the
   * pinned messages and those turns (the earlier summary left out, since the new one replaces it).
   */
  public List<TranscriptMessage> pinnedAndLast(int keep) {
    int first = compactionEnd(keep);
    List<TranscriptMessage> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (pinned[i] || i >= first && !all.get(i).hasCompaction()) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  /**
   * Where a compaction that keeps the last {@code keep} turns verbatim ends: the index of the first kept message
   * (turns before it, pinned messages apart, are summarised).
   */
  public int compactionEnd(int keep) {
    if (keep < 1 || keep >= turns.size()) {
      throw new IllegalArgumentException("a compaction keeps 1 to " + (turns.size() - 1) + " of " + turns.size()
          + " turns, was " + keep);
    }
    return turns.get(turns.size() - keep).get(0);
  }

  /**
   * What a compaction keeping the last {@code keep} turns summarises: the latest summary, if any, then every unpinned
   * message of the turns before them, in order.
   */
  public List<TranscriptMessage> toSummarise(int keep) {
    int end = compactionEnd(keep);
    List<TranscriptMessage> out = new ArrayList<>();
    summary.ifPresent(out::add);
    for (List<Integer> turn : turns) {
      if (turn.get(0) < end) {
        turn.forEach(i -> out.add(all.get(i)));
      }
    }
    return out;
  }

  /** How many turns a compaction keeping the last {@code keep} summarises. */
  public int turnsBefore(int keep) {
    return turns.size() - keep;
  }
}
