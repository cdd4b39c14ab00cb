package io.nightshift.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
  private static final String AWKWARD = "name,\"note, quoted\"\r\n"
      + "a,\"line\nbreak\"\n"
      + "\n"
      + "\"he said \"\"hi\"\"\",x\r\n"
      + "é,\"\"\n"
      + "last,row-without-newline";

  @Test
  void shouldReadTheRowsCsvParseReads() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CsvRows in = CsvRows.open(new StringReader(AWKWARD))) {
      assertThat(in.header()).containsExactly("name", "note, quoted");
      for (List<String> r = in.next(); r != null; r = in.next()) {
        rows.add(r);
      }
      assertThat(in.rows()).isEqualTo(4);
    }
    assertThat(rows).containsExactly(List.of("a", "line\nbreak"), List.of("he said \"hi\"", "x"), List.of("é", ""),
        List.of("last", "row-without-newline"));
    assertThat(Csv.parse(AWKWARD).rows()).isEqualTo(rows);
  }

  @Test
  void shouldWriteTheBytesCsvWriteWrites() throws IOException {
    Table table = Csv.parse(AWKWARD);
    int[] next = {0};
    CsvStream stream = CsvStream.of(table.header(),
        () -> next[0] < table.rows().size() ? table.rows().get(next[0]++) : null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] small = new byte[3];
    for (int n = stream.read(small, 0, 3); n >= 0; n = stream.read(small, 0, 3)) {
      out.write(small, 0, n);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Csv.write(table));
  }

  @Test
  void shouldReturnTheFirstRowBeforeTheInputEnds() throws IOException {
    // a reader that fails past its first 40 characters: a reader that wanted the whole input first would fail
    String text = "id,value\n1,a\n" + "2,b\n".repeat(1000);
    Reader firstPartOnly = new StringReader(text) {
      private int served;

      @Override
      public int read(char[] buffer, int off, int len) throws IOException {
        if (served >= 40) {
          throw new IOException("read past the first row");
        }
        int n = super.read(buffer, off, Math.min(len, 40 - served));
        served += Math.max(n, 0);
        return n;
      }
    };
    try (CsvRows in = CsvRows.open(firstPartOnly)) {
      assertThat(in.next()).containsExactly("1", "a");
    }
  }

  @Test
  void shouldNameTheRowWhoseWidthIsNotTheHeaders() {
    assertThatThrownBy(() -> Csv.parse("a,b\n1,2\n\n3\n")).isInstanceOf(ToolException.class)
        .hasMessage("CSV row 3 has 1 fields; the header has 2");
    assertThatThrownBy(() -> Csv.parse("")).hasMessage("CSV is empty: it needs a header row");
    assertThatThrownBy(() -> Csv.parse("a\n\"open")).hasMessage("CSV ends inside a quoted field");
  }

  @Test
  void shouldKnowWhereEachRecordEndsInTheInputsUtf8Bytes() throws IOException {
    String header = "h,i\r\n";
    String row = "\"a\"\"\n\",\u00e9\u20ac\uD834\uDD1E\n"; // a quoted quote and newline; 2, 3 and 4 byte characters
    String text = header + "\n" + row + "x,y";
    try (CsvRows rows = CsvRows.open(new StringReader(text))) {
      assertThat(rows.offset()).isEqualTo(header.length());
      assertThat(rows.next()).containsExactly("a\"\n", "\u00e9\u20ac\uD834\uDD1E");
      assertThat(rows.offset()).isEqualTo((header + "\n" + row).getBytes(StandardCharsets.UTF_8).length);
      rows.next();
      assertThat(rows.offset()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
      assertThat(rows.offsetExact()).isTrue();
    }
    try (CsvRows rows = CsvRows.open(new StringReader("h\n\uFFFD\nz\n"))) {
      rows.next();
      assertThat(rows.offsetExact()).as("a decoder's stand-in hides how many bytes it replaced").isFalse();
    }
  }
}
