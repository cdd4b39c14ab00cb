package io.nightshift.runtime.ops;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this process can do its work now: not while Temporal does not answer, nor while every pool of its
 * backends file is down. The reason is short plain text, the first outage found, for /readyz and the log; listeners (the
 * gRPC health service) hear each change.
 */
public final class Readiness {
  private static final Logger log = LoggerFactory.getLogger(Readiness.class);

  private final List<Supplier<Optional<String>>> outages;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private Optional<String> last = Optional.empty();

  /** A listener and the readiness it was last told, so each hears every turn from what it knows. */
  private static final class Listener {
    private final Consumer<Optional<String>> consumer;
    private boolean toldReady;

    Listener(Consumer<Optional<String>> consumer) {
      this.consumer = consumer;
    }

    synchronized void tell(Optional<String> why, boolean always) {
      if (always || why.isEmpty() != toldReady) {
        toldReady = why.isEmpty();
        consumer.accept(why);
      }
    }
  }

  /** @param outages each says why the process is not ready, or empty while its part is fine; asked in order */
  public Readiness(List<Supplier<Optional<String>>> outages) {
    this.outages = List.copyOf(outages);
  }

  /** Why the process is not ready; empty while it is. */
  public Optional<String> whyNotReady() {
    for (Supplier<Optional<String>> outage : outages) {
      Optional<String> reason = outage.get();
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  /** Asks again and tells each listener when readiness turned from what it was last told. */
  public void recheck() {
    Optional<String> now = whyNotReady();
    boolean turned;
    synchronized (this) {
      turned = now.isPresent() != last.isPresent();
      last = now;
    }
    if (turned) {
      now.ifPresentOrElse(r -> log.warn("not ready: {}", r), () -> log.info("ready"));
    }
    listeners.forEach(l -> l.tell(now, false));
  }

  /** Hears each turn from now on; told the present state at once. */
  public void onChange(Consumer<Optional<String>> listener) {
    Listener added = new Listener(Objects.requireNonNull(listener, "listener"));
    listeners.add(added);
    added.tell(whyNotReady(), true);
  }
}
