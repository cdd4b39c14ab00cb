package io.nightshift.runtime.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Walks an audit log from its first line and stops at the first that does not verify: a cut last line, bytes
 * that are not an audit record, a line not in the form its writer wrote, a hash that does not match the content, a
 * gap in the sequence, or a {@code prev} that does not match the line before. Changing, removing, adding or moving
 * any line is caught at that line or the one after it; what no chain can catch is the loss of lines at the end,
 * which is why the count and last hash it reports are worth keeping elsewhere.
 */
public final class AuditLogVerifier {
  /** Records are a few hundred bytes; a longer line is damage, and is not read whole into memory. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private AuditLogVerifier() {}

  /** Verifies {@code file}; a file that does not exist is an error, an empty one a log of no records. */
  public static AuditVerification verify(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return verify(in);
    }
  }

  /** Verifies the log {@code in} reads, from its first byte; leaves {@code in} open. */
  static AuditVerification verify(InputStream in) throws IOException {
    long count = 0;
    String lastHash = AuditLines.GENESIS;
    String lastLineHash = AuditLines.GENESIS;
    for (long number = 1; ; number++) {
      Line line = Line.read(in);
      if (line == null) {
        return new AuditVerification(count, lastHash, lastLineHash, Optional.empty());
      }
      Optional<String> problem = check(line, count + 1, lastLineHash);
      if (problem.isPresent()) {
        return new AuditVerification(count, lastHash, lastLineHash,
            Optional.of(new AuditProblem(number, problem.get())));
      }
      count++;
      lastHash = line.record.hash();
      lastLineHash = AuditLines.sha256(line.text);
    }
  }

  private static Optional<String> check(Line line, long expectedSeq, String expectedPrev) {
    if (line.problem != null) {
      return Optional.of(line.problem);
    }
    AuditRecord record = line.record;
    if (!AuditLines.line(record).equals(line.text)) {
      return Optional.of("not in the form the audit log's writer writes (a byte was changed, added or removed)");
    }
    if (record.hash() == null || !record.hash().equals(AuditLines.contentHash(record))) {
      return Optional.of("hash does not match the record's content: the record was changed");
    }
    if (record.seq() != expectedSeq) {
      return Optional.of("sequence number " + record.seq() + " where " + expectedSeq
          + " was expected: records were removed, added or moved");
    }
    if (!expectedPrev.equals(record.prev())) {
      return Optional.of("prev does not match the hash of the line before: the chain is broken here");
    }
    return Optional.empty();
  }

  /** One line as read: its text and record, or what is wrong with its bytes. */
  private static final class Line {
    String text;
    AuditRecord record;
    String problem;

    /** The next line, or null at the end of the file. */
    static Line read(InputStream in) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (bytes.size() == MAX_LINE_BYTES) {
          return failed("longer than " + MAX_LINE_BYTES + " bytes: not an audit record");
        }
        bytes.write(b);
      }
      if (b == -1 && bytes.size() == 0) {
        return null;
      }
      if (b == -1) {
        return failed("the last line has no newline at its end: cut short (a write that never finished, or a"
            + " truncated file)");
      }
      Line line = new Line();
      try {
        line.text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        line.record = AuditLines.parse(line.text);
        if (line.record == null) {
          line.problem = "not an audit record: the JSON value null";
        }
      } catch (CharacterCodingException e) {
        line.problem = "not UTF-8 text: not an audit record";
      } catch (JsonProcessingException e) {
        line.problem = "not an audit record: " + e.getOriginalMessage();
      }
      return line;
    }

    private static Line failed(String problem) {
      Line line = new Line();
      line.problem = problem;
      return line;
    }
  }
}
