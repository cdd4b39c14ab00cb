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
  private final List<Consumer<Optional<String>>> listeners = new CopyOnWriteArrayList<>();
  private Optional<String> last = Optional.empty();

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

  /** Asks again and tells the listeners when readiness turned (a reason that merely changed its words does not). */
  public void recheck() {
    Optional<String> now = whyNotReady();
    boolean turned;
    synchronized (this) {
      turned = now.isPresent() != last.isPresent();
      last = now;
    }
    if (turned) {
      now.ifPresentOrElse(r -> log.warn("not ready: {}", r), () -> log.info("ready again"));
      listeners.forEach(l -> l.accept(now));
    }
  }

  /** Hears each turn from now on; told the present state at once. */
  public void onChange(Consumer<Optional<String>> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    listener.accept(whyNotReady());
  }
}
