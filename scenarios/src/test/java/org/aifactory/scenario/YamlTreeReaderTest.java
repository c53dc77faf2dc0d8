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
