package io.nightshift.workflows.payload;

import static io.nightshift.workflows.engine.RecordedPayloads.fieldNames;
import static io.nightshift.workflows.engine.RecordedPayloads.read;
import static io.nightshift.workflows.engine.RecordedPayloads.roundTrip;
import static io.nightshift.workflows.engine.RecordedPayloads.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnwrappedRecordsTest {
  record Price(BigDecimal amount, String currency) {}

  @JsonDeserialize(using = UnwrappedRecords.class)
  record Order(String id, @JsonUnwrapped Price price, BigDecimal discount, Optional<String> note, int items) {}

  @Test
  void shouldReadDecimalsAsWrittenInThePartsAndBesideThem() {
    Order o = read("""
        {"id":"o-1","amount":0.000480,"currency":"EUR","discount":1E+12,"note":"x","items":3}""", Order.class);

    assertThat(o.price()).isEqualTo(new Price(new BigDecimal("0.000480"), "EUR")); // scale and all, no double
    assertThat(o.discount()).isEqualTo(new BigDecimal("1E+12"));
    assertThat(o.note()).contains("x");
    assertThat(o.items()).isEqualTo(3);
  }

  @Test
  void shouldReadAbsentFieldsAsNullWouldReadAndIgnoreUnknownOnes() {
    Order o = read("""
        {"id":"o-2","unknown":{"a":[1,2]}}""", Order.class);

    assertThat(o).isEqualTo(new Order("o-2", new Price(null, null), null, Optional.empty(), 0));
  }

  @Test
  void shouldWriteAndReadThePartsFlat() throws Exception {
    Order o = new Order("o-3", new Price(new BigDecimal("12.50"), "USD"), BigDecimal.ZERO, Optional.empty(), 1);

    assertThat(fieldNames(written(o))).containsExactlyInAnyOrder("id", "amount", "currency", "discount", "note",
        "items");
    assertThat(roundTrip(o)).isEqualTo(o);
  }
}
