package io.nightshift.core.artifact;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one artifact's content into its file; {@link #finish} ends the content, {@link #close} the file. */
abstract class ArtifactFileWriter extends OutputStream {
  /**
   * Ends the content, whose SHA-256 is {@code sha256}: a format may bind the file to its address with it. Only a
   * finished file is complete.
   */
  abstract void finish(byte[] sha256) throws IOException;
}
