package org.aifactory.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  private final ScenarioLoader loader = new ScenarioLoader();

  @TempDir Path dir;

  private ScenarioException failure(String ref) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> loader.load(ref));
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void loadsAFileAndNamesItAsGiven() throws IOException, ScenarioException {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(file, Texts.VALID, StandardCharsets.UTF_8);
    Scenario scenario = loader.load(file.toString(), List.of("seed=5"));
    assertThat(scenario.source()).isEqualTo(file.toString());
    assertThat(scenario.run().seed()).isEqualTo(5);
  }

  @Test
  void aFileWithoutTheYamlExtensionLoadsIfItExists() throws IOException, ScenarioException {
    Path file = dir.resolve("scenario.txt");
    Files.writeString(file, Texts.VALID, StandardCharsets.UTF_8);
    assertThat(loader.load(file.toString()).name()).isEqualTo("test");
  }

  @Test
  void errorsInAFileNameTheFile() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, Texts.VALID.replace("horizon: 1 h", "horizon: 1"));
    assertThat(failure(file.toString()).errors())
        .containsExactly(
            new ScenarioError(file.toString(), 2, 10, "horizon", "'1' needs a unit, e.g. '1 s'"));
  }

  @Test
  void missingFile() {
    ScenarioException e = failure("no/such.yaml");
    assertThat(e.errors()).hasSize(1);
    ScenarioError error = e.errors().get(0);
    assertThat(error.file()).isEqualTo("no/such.yaml");
    assertThat(error.line()).isZero();
    assertThat(error.message()).startsWith("no such file (").endsWith("such.yaml)");
    assertThat(e.getMessage()).startsWith("no/such.yaml: no such file (");
  }

  @Test
  void unknownBundledNameSuggestsOne() {
    assertThat(failure("defualt").getMessage())
        .isEqualTo(
            "defualt: no such file or bundled scenario (did you mean 'default'?); bundled"
                + " scenarios: default, llama3-405b-54d, grok4-energy, checkpoint-demo,"
                + " redundancy-study, power-cap-study, heatwave,"
                + " mixed-factory, grid-compliance");
  }

  @Test
  void aFolderIsNotAScenario() {
    assertThat(failure(dir.toString()).getMessage())
        .isEqualTo(dir + ": is a folder, not a scenario file");
  }

  /** An output folder named like a bundled scenario (run default --out default) hides nothing. */
  @Test
  void aFolderNamedLikeABundledScenarioDoesNotHideIt() throws Exception {
    java.nio.file.Path folder = java.nio.file.Path.of("grok4-energy");
    boolean made = !java.nio.file.Files.exists(folder);
    if (made) {
      java.nio.file.Files.createDirectory(folder);
    }
    try {
      assertThat(loader.load("grok4-energy").source()).isEqualTo("bundled:grok4-energy");
    } finally {
      if (made) {
        java.nio.file.Files.delete(folder);
      }
    }
  }

  @Test
  void aFileShadowsABundledNameOnlyIfItExists() throws ScenarioException {
    assertThat(loader.load("default").source()).isEqualTo("bundled:default");
  }
}
