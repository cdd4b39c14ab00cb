package io.nightshift.runtime.temporal.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.interceptors.Header;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trace header never fails a workflow or activity: one it cannot read is no parent. */
class TraceHeaderTest {
  @Test
  void shouldReadAnUnreadableOrMissingHeaderAsNoParent() {
    Map<String, Payload> values = new HashMap<>();
    values.put(TraceHeader.KEY, Payload.newBuilder().setData(ByteString.copyFromUtf8("{not json")).build());

    Context read = TraceHeader.read(new Header(values));

    assertThat(read).isSameAs(Context.root());
    assertThat(Span.fromContext(read).getSpanContext().isValid()).isFalse();
    assertThat(TraceHeader.read(Header.empty())).isSameAs(Context.root());
  }

  @Test
  void shouldWriteNothingWhereNoSpanIsCurrent() {
    Header header = Header.empty();

    TraceHeader.write(Context.root(), header);

    assertThat(header.getValues()).doesNotContainKey(TraceHeader.KEY);
  }
}
