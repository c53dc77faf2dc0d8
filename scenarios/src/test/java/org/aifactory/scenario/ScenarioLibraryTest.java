package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioLibraryTest {

  @Test
  void listsTheBundledScenariosInIndexOrderWithTheirDescriptions() {
    assertThat(ScenarioLibrary.list())
        .extracting(BundledScenario::name)
        .containsExactly(
            "default",
            "llama3-405b-54d",
            "grok4-energy",
            "checkpoint-demo",
            "redundancy-study",
            "power-cap-study",
            "heatwave",
            "mixed-factory",
            "grid-compliance");
    assertThat(ScenarioLibrary.list())
        .filteredOn(b -> b.name().equals("llama3-405b-54d"))
        .extracting(BundledScenario::description)
        .containsExactly("Llama 3 405B pre-training on 16,384 H100");
  }

  @Test
  void theIndexListsEveryBundledFile() throws IOException {
    Path folder = Path.of("src/main/resources/scenarios");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.endsWith(".yaml"))
                  .map(n -> n.substring(0, n.length() - ".yaml".length())))
          .containsExactlyInAnyOrderElementsOf(ScenarioLibrary.names());
    }
  }

  @Test
  void textOfABundledScenario() {
    assertThat(ScenarioLibrary.text("default"))
        .hasValueSatisfying(t -> assertThat(t).contains("name: default"));
    assertThat(ScenarioLibrary.text("nope")).isEmpty();
    assertThat(ScenarioLibrary.text("../scenarios/default")).isEmpty();
    assertThat(ScenarioLibrary.text("index")).isEmpty();
  }
}
