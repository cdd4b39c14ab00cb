package io.nightshift.runtime.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a file channel from its start by position, and leaves it open when closed: the audit log's writer reads
 * the log through the descriptor that holds its lock, since closing any other would release the lock.
 */
final class ChannelReader extends InputStream {
  private final FileChannel channel;
  private long position;

  ChannelReader(FileChannel channel) {
    this.channel = channel;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int read = channel.read(ByteBuffer.wrap(bytes, offset, length), position);
    if (read > 0) {
      position += read;
    }
    return read;
  }
}
