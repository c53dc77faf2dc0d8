package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "horizn, horizon",
    "jbo, job",
    "Horizon, horizon",
    "gpu, gpus",
    "clsters, clusters",
    "colour, ''",
    "x, ''",
  })
  void suggestsOnlyCloseCandidates(String input, String expected) {
    List<String> candidates = List.of("horizon", "job", "gpus", "clusters", "catalog");
    assertThat(Suggestions.nearest(input, candidates).orElse("")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} / {1} = {2}")
  @CsvSource({"kitten, sitting, 3", "ab, ba, 1", "'', abc, 3", "same, same, 0"})
  void distance(String a, String b, int expected) {
    assertThat(Suggestions.distance(a, b)).isEqualTo(expected);
  }
}
