package io.nightshift.workflows.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's conversation in the artifact store, for activity code (never workflow code: this is I/O).
 *
 * <p>A <em>delta</em> is a JSON array of {@link TranscriptMessage}s appended at once. The <em>index</em> is a
 * JSON array of delta references in conversation order; a transcript is named by its index. Appending stores
 * the new deltas and a new index and leaves the old ones untouched, so every earlier transcript stays readable
 * and a retried activity that appends the same content gets the same references (the store is
 * content-addressed). The index grows by one small reference per delta; workflow history carries only the
 * index's reference.
 */
public final class Transcripts {
  public static final String INDEX_TYPE = "application/vnd.nightshift.transcript-index+json";
  public static final String DELTA_TYPE = "application/vnd.nightshift.transcript-delta+json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final ArtifactStore store;

  public Transcripts(ArtifactStore store) {
    this.store = store;
  }

  /** The delta references of a transcript, oldest first; empty for null (no transcript yet). */
  public List<ArtifactRef> deltas(ArtifactRef index) {
    if (index == null) {
      return List.of();
    }
    return read(index, new TypeReference<List<ArtifactRef>>() {});
  }

  /** Every message of a transcript, oldest first. */
  public List<TranscriptMessage> messages(ArtifactRef index) {
    List<TranscriptMessage> all = new ArrayList<>();
    for (ArtifactRef delta : deltas(index)) {
      all.addAll(delta(delta));
    }
    return all;
  }

  public List<TranscriptMessage> delta(ArtifactRef delta) {
    return read(delta, new TypeReference<List<TranscriptMessage>>() {});
  }

  public ArtifactRef putDelta(List<TranscriptMessage> messages) {
    return write(messages, DELTA_TYPE);
  }

  /**
   * Appends pending entries in order: stored deltas by reference, runs of inline messages as one new delta
   * each. A stored delta with a note becomes a new delta whose tool result ends with the note (the tool's own delta
   * stays as it was). Returns the new index (the old one if nothing was appended and it exists).
   */
  public ArtifactRef append(ArtifactRef index, List<PendingEntry> pending) {
    List<ArtifactRef> deltas = new ArrayList<>(deltas(index));
    List<TranscriptMessage> inline = new ArrayList<>();
    for (PendingEntry entry : pending) {
      if (entry.delta() != null) {
        flush(inline, deltas);
        deltas.add(entry.note().map(note -> noted(entry.delta(), note)).orElse(entry.delta()));
      } else {
        inline.add(entry.message());
      }
    }
    flush(inline, deltas);
    return write(deltas, INDEX_TYPE);
  }

  public ArtifactRef appendMessages(ArtifactRef index, List<TranscriptMessage> messages) {
    return append(index, messages.stream().map(PendingEntry::message).toList());
  }

  /**
   * Records a compaction: stores the summary (text/plain) and the messages it replaces (a delta), and appends the
   * compaction event that points to both. The replaced messages stay in the transcript too; only the view changes.
   *
   * @return the new index, ending with the compaction event, and the event
   */
  public CompactionAppended appendCompaction(ArtifactRef index, CompactionPlan plan, String summary, int promptTokens,
      int window) {
    ArtifactRef replaced = putDelta(plan.toSummarise());
    ArtifactRef summaryRef;
    try {
      summaryRef = store.put(summary.getBytes(StandardCharsets.UTF_8), "text/plain");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a compaction summary", e);
    }
    Compaction event = new Compaction(summaryRef, replaced, plan.upTo(), plan.turns(), promptTokens, window);
    return new CompactionAppended(appendMessages(index, List.of(TranscriptMessage.compaction(summary, event))), event);
  }

  /**
   * The delta with {@code note} added to the text of its last tool result (a tool's delta holds one), else of its last
   * message; an empty delta becomes the note alone.
   */
  private ArtifactRef noted(ArtifactRef delta, String note) {
    List<TranscriptMessage> messages = new ArrayList<>(delta(delta));
    if (messages.isEmpty()) {
      return putDelta(List.of(TranscriptMessage.user(note)));
    }
    int at = messages.size() - 1;
    for (int i = at; i >= 0; i--) {
      if (messages.get(i).role() == TranscriptMessage.Role.TOOL) {
        at = i;
        break;
      }
    }
    messages.set(at, messages.get(at).withText(PendingEntry.withNote(messages.get(at).text(), note)));
    return putDelta(messages);
  }

  /** A transcript after a compaction: its new index and the event appended. */
  public record CompactionAppended(ArtifactRef index, Compaction event) {}

  private void flush(List<TranscriptMessage> inline, List<ArtifactRef> deltas) {
    if (!inline.isEmpty()) {
      deltas.add(putDelta(List.copyOf(inline)));
      inline.clear();
    }
  }

  private ArtifactRef write(Object value, String mediaType) {
    try {
      return store.put(JSON.writeValueAsBytes(value), mediaType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a transcript " + mediaType, e);
    }
  }

  private <T> T read(ArtifactRef ref, TypeReference<T> type) {
    try {
      return JSON.readValue(store.read(ref), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read transcript artifact " + ref.digest(), e);
    }
  }
}
