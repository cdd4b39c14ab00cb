package io.nightshift.runtime.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.files.OwnerOnly;
import io.nightshift.core.memory.Note;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.memory.NotebookScope;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One scope's notes: an append-only index file of {@link NoteIndexLine}s, one JSON line per note, and the notes'
 * artifacts. Every read and append holds the file's lock (shared to read, exclusive to append), so processes on one
 * data directory never see half a line, and a save looks for its idempotency key and appends in one step, so a
 * retried save adds nothing. File locks belong to the process, and closing any descriptor of the file drops them,
 * so inside one JVM each file's readers and writers also take turns on one monitor.
 *
 * <p>An append is forced to disk before the save returns. A crash mid-append leaves a last line without its line
 * break: readers skip it, and the next append cuts it off first (its save was never acknowledged, and its retry
 * appends it again).
 */
final class FileNotebook implements Notebook {
  private static final ConcurrentMap<Path, Object> IN_USE = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotebookScope scope;
  private final Path file;
  private final ArtifactStore artifacts;
  private final Clock clock;
  private final int maxNotes;

  FileNotebook(NotebookScope scope, Path file, ArtifactStore artifacts, Clock clock, int maxNotes) {
    this.scope = scope;
    this.file = file;
    this.artifacts = artifacts;
    this.clock = clock;
    this.maxNotes = maxNotes;
  }

  @Override
  public NotebookScope scope() {
    return scope;
  }

  @Override
  public Note save(String text, List<String> tags, String idempotencyKey) throws IOException {
    // stored first, outside the lock: content-addressed, so a retry or an identical note stores nothing new
    ArtifactRef ref = artifacts.put(JSON.writeValueAsBytes(new NoteContent(text, tags)), NoteContent.MEDIA_TYPE);
    OwnerOnly.createDirectories(file.getParent());
    synchronized (IN_USE.computeIfAbsent(file, f -> new Object())) {
      try (FileChannel channel = openForAppend(); FileLock lock = channel.lock()) {
        Contents contents = read(channel);
        Optional<NoteIndexLine> done = contents.lines().stream().filter(l -> l.key().equals(idempotencyKey))
            .findFirst();
        if (done.isPresent()) {
          return note(done.get());
        }
        if (contents.lines().size() >= maxNotes) {
          throw ToolException.permanent(scope + " holds " + maxNotes + " notes, the most it keeps; search them "
              + "instead of saving more");
        }
        // to the millisecond: what the model is shown, where finer would only cost tokens
        NoteIndexLine line = new NoteIndexLine(idempotencyKey, ref.digest(), ref.size(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        channel.truncate(contents.complete()); // a torn last line from a crash
        long end = contents.complete();
        while (bytes.hasRemaining()) {
          end += channel.write(bytes, end);
        }
        channel.force(false);
        return new Note(text, tags, Instant.parse(line.savedAt()), ref);
      }
    }
  }

  @Override
  public List<Note> notes() throws IOException {
    List<NoteIndexLine> lines;
    synchronized (IN_USE.computeIfAbsent(file, f -> new Object())) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
          FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
        lines = read(channel).lines();
      } catch (NoSuchFileException e) {
        return List.of(); // nobody has saved to this scope yet
      }
    }
    List<Note> notes = new ArrayList<>(lines.size());
    for (NoteIndexLine line : lines) {
      notes.add(note(line));
    }
    return notes;
  }

  private Note note(NoteIndexLine line) throws IOException {
    ArtifactRef ref = new ArtifactRef(line.note(), line.size(), NoteContent.MEDIA_TYPE);
    NoteContent content = JSON.readValue(artifacts.read(ref), NoteContent.class);
    return new Note(content.text(), content.tags(), Instant.parse(line.savedAt()), ref);
  }

  /** The whole lines of the index, and where the last of them ends. */
  private record Contents(List<NoteIndexLine> lines, long complete) {}

  private static Contents read(FileChannel channel) throws IOException {
    ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(channel.size()));
    while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
      // until the buffer holds the whole file
    }
    int complete = all.position();
    while (complete > 0 && all.get(complete - 1) != '\n') {
      complete--;
    }
    List<NoteIndexLine> lines = new ArrayList<>();
    for (String line : new String(all.array(), 0, complete, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readValue(line, NoteIndexLine.class));
      }
    }
    return new Contents(lines, complete);
  }

  /** Read and write, created {@code rw-------}: the index names tasks and agents. */
  private FileChannel openForAppend() throws IOException {
    if (!OwnerOnly.isPosix(file.getParent())) {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OwnerOnly.FILE));
  }
}
