package org.aifactory.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemNumbersTest {
  @Test
  void hostileMagnitudesStayShort() {
    assertThat(ProblemNumbers.watts(333_333.3)).isEqualTo("333 kW");
    assertThat(ProblemNumbers.watts(8.1792e6)).isEqualTo("8.18 MW");
    assertThat(ProblemNumbers.watts(1e-308)).isEqualTo("1e-308 W");
    assertThat(ProblemNumbers.watts(Double.POSITIVE_INFINITY)).isEqualTo("more than 1.8e308 W");
    assertThat(ProblemNumbers.count(24_537_600)).isEqualTo("24,537,600");
    assertThat(ProblemNumbers.count(3.3e301)).isEqualTo("3.3e301");
    assertThat(ProblemNumbers.count(Double.POSITIVE_INFINITY)).isEqualTo("more than 1.8e308");
    assertThat(ProblemNumbers.significant(0)).isEqualTo("0");
  }
}
