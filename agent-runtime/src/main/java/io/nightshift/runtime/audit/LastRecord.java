package io.nightshift.runtime.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The record the next one chains to, read from the end of the log under the appender's lock: another process may
 * have appended since this one last did, so what was last written here is not enough. Only the last line is read
 * (records are short), and it must be whole and sealed: a torn or changed last line stops the appender rather than
 * being chained over, which would hide it.
 *
 * @param seq      the last record's sequence number; 0 for an empty log
 * @param lineHash what the next record's {@code prev} holds
 */
record LastRecord(long seq, String lineHash) {
  private static final LastRecord NONE = new LastRecord(0, AuditLines.GENESIS);

  /** @param in the appender's own descriptor of {@code file}: opening and closing another would drop its lock */
  static LastRecord of(FileChannel in, Path file) throws IOException {
    long size = in.size();
    if (size == 0) {
      return NONE;
    }
    int tail = (int) Math.min(size, AuditLogVerifier.MAX_LINE_BYTES + 1L);
    ByteBuffer bytes = ByteBuffer.allocate(tail);
    while (bytes.hasRemaining() && in.read(bytes, size - tail + bytes.position()) >= 0) {
      // read the whole tail
    }
    String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
    if (!text.endsWith("\n")) {
      throw broken(file, "its last line is cut short (a writer died mid-line)");
    }
    int start = text.lastIndexOf('\n', text.length() - 2) + 1;
    if (start == 0 && size > tail) {
      throw broken(file, "its last line is longer than any record");
    }
    String line = text.substring(start, text.length() - 1);
    AuditRecord record;
    try {
      record = AuditLines.parse(line);
    } catch (IOException e) {
      throw broken(file, "its last line is not an audit record");
    }
    if (!AuditLines.line(record).equals(line) || record.hash() == null
        || !record.hash().equals(AuditLines.contentHash(record))) {
      throw broken(file, "its last line was changed after it was written");
    }
    return new LastRecord(record.seq(), AuditLines.sha256(line));
  }

  private static AuditLogException broken(Path file, String why) {
    return new AuditLogException("audit log " + file + " cannot be added to: " + why + ". Check it with 'nightshift"
        + " audit verify --file " + file + "'; keep it as evidence, move it aside and restart the runtime.");
  }
}
