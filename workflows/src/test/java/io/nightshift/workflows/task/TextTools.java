package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Small real tools for engine tests: they read and write artifacts, fail on cue, or block until released. */
final class TextTools {
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  /** Executions per idempotency key, to show work is not redone. */
  final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();
  final CountDownLatch release = new CountDownLatch(1);
  volatile boolean blockingToolSawCancel;

  Optional<Tool> find(String name) {
    return Optional.ofNullable(switch (name) {
      case "text.emit" -> tool(name, (ctx, args) -> put(ctx, args.required("text")));
      case "text.concat" -> tool(name, (ctx, args) -> put(ctx, read(ctx, args.required("a")) + read(ctx, args.required("b"))));
      case "text.upper" -> tool(name, (ctx, args) -> put(ctx, read(ctx, args.required("input")).toUpperCase()));
      case "table.double" -> tool(name, (ctx, args) -> {
        Table in = Csv.parse(read(ctx, args.required("input")));
        List<List<String>> rows = in.rows().stream()
            .map(r -> List.of(r.get(0), String.valueOf(2 * Integer.parseInt(r.get(0))))).toList();
        try {
          return new ToolOutput(ctx.artifacts().put(Csv.write(new Table(List.of("x", "y"), rows))
              .getBytes(StandardCharsets.UTF_8), "text/csv"), rows.size() + " rows");
        } catch (IOException e) {
          throw ToolException.retryable(e.getMessage(), e);
        }
      });
      // as table.double, but a chunk with the row 10 waits until released: a map held part way
      case "table.held" -> tool(name, (ctx, args) -> {
        Table in = Csv.parse(read(ctx, args.required("input")));
        try {
          boolean held = in.rows().stream().anyMatch(r -> r.get(0).equals("10"));
          while (held && !release.await(100, TimeUnit.MILLISECONDS)) {
            ctx.heartbeat("held");
          }
          return new ToolOutput(ctx.artifacts().put(Csv.write(in).getBytes(StandardCharsets.UTF_8), "text/csv"),
              in.rows().size() + " rows");
        } catch (InterruptedException | IOException e) {
          throw ToolException.permanent("interrupted");
        }
      });
      case "text.slow-flaky" -> tool(name, (ctx, args) -> {
        // beats for 600 ms before its first two calls fail: the heartbeat that says how an attempt ended is then
        // throttled by the SDK, and reaches the next attempt only with the failure
        for (int i = 0; i < 6; i++) {
          ctx.heartbeat("at " + i);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            throw ToolException.permanent("interrupted");
          }
        }
        if (calls.get(name).get() < 3) {
          throw ToolException.retryable("busy after a long run", null);
        }
        return put(ctx, "made it slowly");
      });
      case "text.resumable" -> tool(name, (ctx, args) -> {
        int start = ctx.resumeFrom().map(Integer::parseInt).orElse(0);
        for (int i = start; i < 10; i++) {
          ctx.heartbeat(String.valueOf(i));
          if (i == 5 && calls.get(name).get() == 1) {
            throw ToolException.retryable("worker lost its model server at item 5", null);
          }
        }
        return put(ctx, "first attempt started at 0, last at " + start);
      });
      case "text.reject" -> tool(name, (ctx, args) -> {
        throw ToolException.permanent("input rejected: " + args.required("text"));
      });
      case "text.flaky" -> tool(name, (ctx, args) -> {
        if (calls.get(name).get() < 3) {
          throw ToolException.retryable("endpoint busy", null);
        }
        return put(ctx, "made it");
      });
      case "text.block" -> tool(name, (ctx, args) -> {
        try {
          while (!release.await(100, TimeUnit.MILLISECONDS)) {
            ctx.heartbeat("waiting");
          }
        } catch (InterruptedException | ToolException e) {
          blockingToolSawCancel = true;
          throw ToolException.permanent("cancelled");
        }
        return put(ctx, "released");
      });
      default -> null;
    });
  }

  private interface Body {
    ToolOutput run(ToolContext ctx, ToolArguments args);
  }

  private Tool tool(String name, Body body) {
    return new Tool() {
      @Override
      public ToolDescriptor descriptor() {
        return new ToolDescriptor(name, name, List.of(ToolParam.optional("text", "", null)));
      }

      @Override
      public ToolOutput execute(ToolContext context, ToolArguments arguments) {
        calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        byKey.computeIfAbsent(context.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
        return body.run(context, arguments);
      }
    };
  }

  static String read(ToolContext ctx, String uri) {
    try {
      return new String(ctx.artifacts().read(ctx.artifacts().resolve(uri)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ToolException.retryable(e.getMessage(), e);
    }
  }

  static ToolOutput put(ToolContext ctx, String text) {
    try {
      ArtifactRef ref = ctx.artifacts().put(text.getBytes(StandardCharsets.UTF_8), "text/plain");
      return new ToolOutput(ref, text.length() + " chars");
    } catch (IOException e) {
      throw ToolException.retryable(e.getMessage(), e);
    }
  }
}
