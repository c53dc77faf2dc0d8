package org.aifactory.cli;

import static org.aifactory.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aifactory.cli.Cli.Outcome;
import org.aifactory.scenario.BundledScenario;
import org.aifactory.scenario.ScenarioLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show NAME} prints a bundled scenario; {@code init NAME [FILE]} copies it to a file. */
class ShowInitCommandTest {
  @TempDir Path tmp;

  @Test
  void showPrintsTheBundledYamlAsItIs() {
    Outcome o = run("show", "heatwave");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).isEqualTo(ScenarioLibrary.text("heatwave").orElseThrow());
  }

  @Test
  void anUnknownNameListsTheBundledOnesAndTheNearest() {
    for (String command : new String[] {"show", "init"}) {
      Outcome o = run(command, "heatwav");
      assertThat(o.code()).isEqualTo(Main.EXIT_USER);
      assertThat(o.out()).isEmpty();
      assertThat(o.err())
          .contains("no bundled scenario 'heatwav'")
          .contains("did you mean 'heatwave'?")
          .contains("bundled scenarios: default, ")
          .contains("mixed-factory");
    }
  }

  @Test
  void initCopiesTheScenarioAndTheCopyRunsTheSame() throws IOException {
    Path file = tmp.resolve("mine.yaml");
    Outcome o = run("init", "default", file.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("mine.yaml");
    assertThat(Files.readString(file)).isEqualTo(ScenarioLibrary.text("default").orElseThrow());
    Outcome valid = run("validate", file.toString());
    assertThat(valid.code()).as(valid.err()).isZero();
  }

  /** Every bundled scenario, copied, is a valid scenario file on its own. */
  @Test
  void everyBundledScenarioCopiedValidates() {
    for (BundledScenario b : ScenarioLibrary.list()) {
      Path file = tmp.resolve(b.name() + ".yaml");
      Outcome init = run("init", b.name(), file.toString());
      assertThat(init.code()).as(init.err()).isZero();
      Outcome valid = run("validate", file.toString());
      assertThat(valid.code()).as(b.name() + ": " + valid.err()).isZero();
    }
  }

  @Test
  void initWritesNameDotYamlByDefault() throws IOException {
    Path before = Path.of(System.getProperty("user.dir"));
    Path expected = before.resolve("checkpoint-demo.yaml");
    assertThat(expected).doesNotExist();
    try {
      Outcome o = run("init", "checkpoint-demo");
      assertThat(o.code()).as(o.err()).isZero();
      assertThat(Files.readString(expected))
          .isEqualTo(ScenarioLibrary.text("checkpoint-demo").orElseThrow());
    } finally {
      Files.deleteIfExists(expected);
    }
  }

  @Test
  void initNeverOverwritesAFile() throws IOException {
    Path file = tmp.resolve("notes.yaml");
    Files.writeString(file, "my own notes\n");
    Outcome o = run("init", "default", file.toString());
    assertThat(o.code()).isEqualTo(Main.EXIT_USER);
    assertThat(o.err()).contains(file + " already exists").contains("never overwrites");
    assertThat(Files.readString(file)).isEqualTo("my own notes\n");
  }

  @Test
  void initIntoAMissingFolderIsAUserError() {
    Path file = tmp.resolve("no/such/folder/x.yaml");
    Outcome o = run("init", "default", file.toString());
    assertThat(o.code()).isEqualTo(Main.EXIT_USER);
    assertThat(o.err()).contains("does not exist");
    assertThat(tmp.resolve("no")).doesNotExist();
  }
}
