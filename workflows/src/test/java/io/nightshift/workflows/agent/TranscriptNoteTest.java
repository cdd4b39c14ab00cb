package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop guard's note reaches the transcript as the end of the tool result it belongs to (issue 19). */
class TranscriptNoteTest {
  @TempDir Path dir;

  @Test
  void shouldEndTheStoredToolResultWithItsNoteAndLeaveTheToolsOwnDeltaAsItWas() throws Exception {
    Transcripts transcripts = new Transcripts(FileArtifactStore.unencrypted(dir));
    AgentToolCall call = new AgentToolCall("c1", "memory.search", "{}");
    ArtifactRef stored = transcripts.putDelta(List.of(TranscriptMessage.toolResult(call, "ok: 0 of 1 notes")));
    PendingEntry refused = PendingEntry.toolNote(new AgentToolCall("c2", "shell.exec", "{}"), "refused: not allowed");

    ArtifactRef index = transcripts.append(null, List.of(PendingEntry.delta(stored).withNote("[loop guard] twice"),
        refused.withNote("[loop guard] failed twice")));

    assertThat(transcripts.messages(index)).extracting(TranscriptMessage::toolCallId, TranscriptMessage::text)
        .containsExactly(Tuple.tuple("c1", "ok: 0 of 1 notes\n\n[loop guard] twice"),
            Tuple.tuple("c2", "refused: not allowed\n\n[loop guard] failed twice"));
    assertThat(transcripts.delta(stored)).extracting(TranscriptMessage::text).containsExactly("ok: 0 of 1 notes");
    assertThat(transcripts.append(null, List.of(PendingEntry.delta(stored))))
        .as("without a note, the tool's own delta").satisfies(i -> assertThat(transcripts.deltas(i))
            .containsExactly(stored));
  }
}
