package io.nightshift.runtime.audit;

import io.nightshift.core.files.OwnerOnly;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends records to the audit log: one writer per file (an exclusive lock, so a second runtime on the same data
 * directory cannot interleave its chain with this one's), one append at a time, each line written whole and
 * forced to disk before {@link #append} returns, so a crash loses at most the record being written and a caller
 * told "done" has its record on disk. The file is opened for appending only and is {@code rw-------}.
 *
 * <p>It refuses to open a log that does not verify. Appending to a broken chain would make the break look like
 * the log's start, hiding whatever was changed before it; a runtime that will not start on it makes somebody look.
 * The way on is in the message: keep the broken file as evidence, move it aside, and a new chain starts.
 *
 * <p>After a write fails it writes nothing more (a line half-written would break every record after it) and says
 * so through {@link #failure}, so the API can refuse the calls it can no longer record.
 */
public final class AuditLogWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditLogWriter.class);

  private final Path file;
  private final FileChannel channel;
  private final FileChannel heldOpen;
  private final FileLock lock;
  private final Clock clock;
  private long lastSeq;
  private String lastLineHash;
  private volatile String failure;

  private AuditLogWriter(Path file, FileChannel channel, FileChannel heldOpen, FileLock lock, Clock clock,
      AuditVerification start) {
    this.file = file;
    this.channel = channel;
    this.heldOpen = heldOpen;
    this.lock = lock;
    this.clock = clock;
    this.lastSeq = start.records();
    this.lastLineHash = start.lastLineHash();
  }

  /**
   * Opens {@code file} (creating it and its directory owner-only) and continues its chain.
   *
   * @throws AuditLogException when the existing log does not verify, or another writer holds it
   */
  public static AuditLogWriter open(Path file, Clock clock) throws IOException {
    OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel = openForAppend(file);
    FileChannel reading = null;
    try {
      FileLock lock = lock(channel, file);
      // read through a channel kept open until close: closing any descriptor of the file would drop the lock
      // (POSIX locks belong to the process, not the descriptor), letting another runtime in
      reading = FileChannel.open(file, StandardOpenOption.READ);
      AuditVerification start = AuditLogVerifier.verify(new BufferedInputStream(Channels.newInputStream(reading)));
      if (!start.ok()) {
        throw new AuditLogException("audit log " + file + " does not verify (" + start.problem().orElseThrow()
            + "), so the API will not add to it. Check it with 'nightshift audit verify --file " + file + "'; keep"
            + " it as evidence, move it aside (a new log then starts its own chain) and start again.");
      }
      log.info("audit log {}: {} records verified, appending", file, start.records());
      return new AuditLogWriter(file, channel, reading, lock, clock, start);
    } catch (IOException | RuntimeException e) {
      if (reading != null) {
        reading.close();
      }
      channel.close(); // releases the lock
      throw e;
    }
  }

  private static FileChannel openForAppend(Path file) throws IOException {
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    if (!OwnerOnly.isPosix(file.toAbsolutePath().getParent())) {
      return FileChannel.open(file, options);
    }
    FileChannel channel = FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OwnerOnly.FILE));
    if (!OwnerOnly.FILE.containsAll(Files.getPosixFilePermissions(file))) {
      log.warn("audit log {} was {}: made rw-------, since it names who did what to which task", file,
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      Files.setPosixFilePermissions(file, OwnerOnly.FILE);
    }
    return channel;
  }

  private static FileLock lock(FileChannel channel, Path file) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new AuditLogException("audit log " + file + " is being written by another runtime on the same data"
          + " directory; give each API process a data directory of its own");
    }
    return lock;
  }

  /** Seals {@code entry} as the next record and writes it to disk; safe to call from any number of threads. */
  public synchronized AuditRecord append(AuditEntry entry) throws IOException {
    if (failure != null) {
      throw new AuditLogException("audit log " + file + " takes no more records after a failed write: " + failure);
    }
    AuditRecord record = AuditLines.sealed(new AuditRecord(lastSeq + 1, clock.instant().toString(), entry.actor(),
        entry.action(), entry.target(), entry.outcome(), entry.details(), lastLineHash, null));
    String line = AuditLines.line(record);
    try {
      ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      failure = e.toString();
      throw e;
    }
    lastSeq = record.seq();
    lastLineHash = AuditLines.sha256(line);
    return record;
  }

  /** Why the writer stopped taking records; empty while it takes them. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      heldOpen.close();
      channel.close();
    }
  }
}
