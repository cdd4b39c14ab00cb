package io.nightshift.runtime.temporal;

/** The Temporal server a runtime talks to, and whether the runtime owns its life. */
public interface TemporalServer extends AutoCloseable {
  /** host:port of the frontend. */
  String address();

  /** Whether workflow state survives this server's process dying. */
  boolean durable();

  /** Temporal's own Web UI, or null when there is none. */
  String webUi();

  /** Stops the server if this runtime started it; leaves servers it merely connected to alone. */
  @Override
  void close();

  static TemporalServer external(String address, String webUi) {
    return new TemporalServer() {
      @Override
      public String address() {
        return address;
      }

      @Override
      public boolean durable() {
        return true;
      }

      @Override
      public String webUi() {
        return webUi;
      }

      @Override
      public void close() {}
    };
  }
}
