package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

  private final Diagnostics diagnostics = new Diagnostics();

  private YamlNode read(String text) {
    Optional<YamlNode> root = YamlTreeReader.forFile("f", diagnostics).read(text, "");
    assertThat(root).isPresent();
    return root.get();
  }

  @Test
  void keepsLocationsAndOrder() {
    YamlMap root =
        (YamlMap)
            read(
                """
                b: 1
                a:
                  - { x: 5 s }
                  - y
                """);
    assertThat(root.entries()).extracting(YamlEntry::key).containsExactly("b", "a");
    assertThat(root.entry("a").orElseThrow().keyLocation()).isEqualTo(new Location("f", 2, 1));
    YamlList list = (YamlList) root.get("a").orElseThrow();
    assertThat(list.location()).isEqualTo(new Location("f", 3, 3));
    YamlMap first = (YamlMap) list.get(0);
    assertThat(first.location()).isEqualTo(new Location("f", 3, 5));
    assertThat(first.get("x").orElseThrow())
        .isEqualTo(new YamlScalar("5 s", false, new Location("f", 3, 10)));
    assertThat(list.get(1)).isEqualTo(new YamlScalar("y", false, new Location("f", 4, 5)));
    assertThat(diagnostics.hasErrors()).isFalse();
  }

  @Test
  void theTextOfAQuotedKeyStartsAfterItsQuote() {
    YamlMap root = (YamlMap) read("plain: 1\n'single': 2\nm: { \"double\": 3 }\n");
    YamlEntry plain = root.entry("plain").orElseThrow();
    assertThat(plain.keyTextLocation()).isEqualTo(plain.keyLocation());
    YamlEntry single = root.entry("single").orElseThrow();
    assertThat(single.keyLocation()).isEqualTo(new Location("f", 2, 1));
    assertThat(single.keyTextLocation()).isEqualTo(new Location("f", 2, 2));
    YamlEntry dbl = ((YamlMap) root.get("m").orElseThrow()).entry("double").orElseThrow();
    assertThat(dbl.keyLocation()).isEqualTo(new Location("f", 3, 6));
    assertThat(dbl.keyTextLocation()).isEqualTo(new Location("f", 3, 7));
  }

  @Test
  void aCopyIsDeepAndKeepsLocations() {
    YamlMap root = (YamlMap) read("a: { b: [1, 2] }\n");
    YamlMap copy = root.copy();
    ((YamlList) ((YamlMap) copy.get("a").orElseThrow()).get("b").orElseThrow())
        .set(0, YamlScalar.empty(new Location("f", 9, 9)));
    copy.remove("a");
    assertThat(copy.entries()).isEmpty();
    YamlList original = (YamlList) ((YamlMap) root.get("a").orElseThrow()).get("b").orElseThrow();
    assertThat(original.get(0)).isEqualTo(new YamlScalar("1", false, new Location("f", 1, 10)));
  }

  @Test
  void scalarsKeepTheirTextAndNullsAreMarked() {
    YamlMap root = (YamlMap) read("a: 1.50\nb: 0x10\nc:\nd: ~\ne: 'null'\n");
    assertThat(((YamlScalar) root.get("a").orElseThrow()).text()).isEqualTo("1.50");
    assertThat(((YamlScalar) root.get("b").orElseThrow()).text()).isEqualTo("0x10");
    assertThat(((YamlScalar) root.get("c").orElseThrow()).isNull()).isTrue();
    assertThat(((YamlScalar) root.get("d").orElseThrow()).isNull()).isTrue();
    assertThat(((YamlScalar) root.get("e").orElseThrow()).isNull()).isFalse();
  }

  @Test
  void duplicateKeysAreReportedAndTheFirstIsKept() {
    YamlMap root = (YamlMap) read("a: 1\nb: {c: 2, c: 3}\na: 3\n");
    assertThat(((YamlScalar) root.get("a").orElseThrow()).text()).isEqualTo("1");
    ScenarioException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ScenarioException.class, diagnostics::throwIfAny);
    assertThat(e.errors())
        .containsExactly(
            new ScenarioError(
                "f", 2, 11, "b.c", "duplicate key 'c' (first given at line 2, column 5)"),
            new ScenarioError(
                "f", 3, 1, "a", "duplicate key 'a' (first given at line 1, column 1)"));
  }
}
