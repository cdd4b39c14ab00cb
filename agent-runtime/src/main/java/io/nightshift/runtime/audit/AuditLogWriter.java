package io.nightshift.runtime.audit;

import io.nightshift.core.files.OwnerOnly;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends records to the audit log. Every process of a runtime on the same data directory appends to the one log
 * (the API records calls, workers record refused connections), so each append holds an exclusive lock on the file
 * while it reads the last record, chains the new one to it, writes it whole and forces it to disk; a caller told
 * "done" has its record on disk, and a crash loses at most the record being written. Inside one JVM appends to the
 * same file are also serialised, since file locks belong to the process. The file is opened for appending only and
 * is {@code rw-------}.
 *
 * <p>It refuses to open a log that does not verify. Appending to a broken chain would make the break look like
 * the log's start, hiding whatever was changed before it; a runtime that will not start on it makes somebody look.
 * The way on is in the message: keep the broken file as evidence, move it aside, and a new chain starts.
 *
 * <p>After a write fails, or the log's last line is found broken, it writes nothing more (a line half-written would
 * break every record after it) and says so through {@link #failure}, so the API can refuse the calls it can no
 * longer record.
 */
public final class AuditLogWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditLogWriter.class);
  /** One monitor per log file in this JVM: two writers of one file here must not both ask the OS for its lock. */
  private static final ConcurrentMap<Path, Object> APPENDING = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final Object appending;
  private final Clock clock;
  private volatile String failure;

  private AuditLogWriter(Path file, FileChannel channel, Clock clock) {
    this.file = file;
    this.channel = channel;
    this.appending = APPENDING.computeIfAbsent(file, f -> new Object());
    this.clock = clock;
  }

  /**
   * Opens {@code file} (creating it and its directory owner-only) and checks its chain.
   *
   * @throws AuditLogException when the existing log does not verify
   */
  public static AuditLogWriter open(Path file, Clock clock) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    OwnerOnly.createDirectories(absolute.getParent());
    FileChannel channel = openForAppend(absolute);
    try {
      AuditVerification start;
      synchronized (APPENDING.computeIfAbsent(absolute, f -> new Object())) {
        // shared with nobody while it is read: another process may be half-way through an append
        try (FileLock lock = channel.lock()) {
          start = AuditLogVerifier.verify(new BufferedInputStream(new ChannelReader(channel)));
        }
      }
      if (!start.ok()) {
        throw new AuditLogException("audit log " + absolute + " does not verify (" + start.problem().orElseThrow()
            + "), so the runtime will not add to it. Check it with 'nightshift audit verify --file " + absolute
            + "'; keep it as evidence, move it aside (a new log then starts its own chain) and start again.");
      }
      log.info("audit log {}: {} records verified, appending", absolute, start.records());
      return new AuditLogWriter(absolute, channel, clock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * One descriptor for reading and writing, kept open until {@link #close}: POSIX file locks belong to the process,
   * and closing any descriptor of the file, even one only read through, would drop the lock mid-append and let
   * another process chain to the same record. Records go at the end (see {@link #append}), never elsewhere.
   */
  private static FileChannel openForAppend(Path file) throws IOException {
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    if (!OwnerOnly.isPosix(file.getParent())) {
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

  /** Seals {@code entry} as the next record and writes it to disk; safe from any thread and any process. */
  public AuditRecord append(AuditEntry entry) throws IOException {
    synchronized (appending) {
      if (failure != null) {
        throw new AuditLogException("audit log " + file + " takes no more records after a failed write: " + failure);
      }
      try (FileLock lock = channel.lock()) {
        LastRecord last = LastRecord.of(channel, file);
        AuditRecord record = AuditLines.sealed(new AuditRecord(last.seq() + 1, clock.instant().toString(),
            entry.actor(), entry.action(), entry.target(), entry.outcome(), entry.details(), last.lineHash(), null));
        ByteBuffer bytes = ByteBuffer.wrap((AuditLines.line(record) + "\n").getBytes(StandardCharsets.UTF_8));
        long end = channel.size();
        while (bytes.hasRemaining()) {
          end += channel.write(bytes, end);
        }
        channel.force(false);
        return record;
      } catch (IOException e) {
        failure = e.toString();
        throw e;
      }
    }
  }

  /** Why the writer stopped taking records; empty while it takes them. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    synchronized (appending) {
      channel.close();
    }
  }
}
