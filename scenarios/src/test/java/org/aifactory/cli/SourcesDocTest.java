package org.aifactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/sources.md is where the README, the docs and (through their "§N") the code comments find the
 * sources of the figures: every section cited must exist, and every docs file named must exist.
 */
class SourcesDocTest {
  private static final Path ROOT = Path.of("..");
  private static final Path DOCS = ROOT.resolve("docs");
  private static final Path SOURCES = DOCS.resolve("sources.md");

  /** A section heading of sources.md: "## §6 Power chain and redundancy". */
  private static final Pattern SECTION_HEADING = Pattern.compile("(?m)^#{1,6} §(\\d+)\\s");

  /** A citation of a section of sources.md: "§6", but not "§3.3.4" (a section of a cited paper). */
  private static final Pattern CITATION = Pattern.compile("§\\s?(\\d+)(?!\\d|\\.\\d)");

  /** A docs file named in the README, as a link target or in text: "docs/sources.md". */
  private static final Pattern DOCS_FILE = Pattern.compile("docs/[A-Za-z0-9_./-]+\\.md");

  /** A relative Markdown link to a Markdown file: "[x](sources.md)", "[x](../README.md#a)". */
  private static final Pattern MARKDOWN_LINK =
      Pattern.compile("\\]\\(([A-Za-z0-9_./-]+\\.md)(?:#[^)]*)?\\)");

  /** A constant named in the docs: "`UpsSpec.USACE_MODULE_MTBF`". */
  private static final Pattern CONSTANT = Pattern.compile("`([A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)`");

  /** Where the classes named in the defaults table live. */
  private static final List<String> PACKAGES =
      List.of(
          "org.aifactory.model",
          "org.aifactory.model.cooling",
          "org.aifactory.model.economics",
          "org.aifactory.model.facility",
          "org.aifactory.model.failure",
          "org.aifactory.model.hardware",
          "org.aifactory.model.power",
          "org.aifactory.model.shaping",
          "org.aifactory.model.workload",
          "org.aifactory.scenario");

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }

  /** README.md and every Markdown file in docs/, by path. */
  private static Map<Path, String> readmeAndDocs() throws IOException {
    Map<Path, String> files = new TreeMap<>();
    files.put(ROOT.resolve("README.md"), read(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(DOCS)) {
      for (Path p : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        files.put(p, read(p));
      }
    }
    return files;
  }

  private static List<Integer> sectionHeadings() throws IOException {
    List<Integer> sections = new ArrayList<>();
    Matcher m = SECTION_HEADING.matcher(read(SOURCES));
    while (m.find()) {
      sections.add(Integer.parseInt(m.group(1)));
    }
    return sections;
  }

  @Test
  void theSectionsAreNumberedOneToTenInOrder() throws IOException {
    // §1-§7 keep the numbering that code comments cite; §8-§10 follow.
    assertThat(sectionHeadings()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void everySectionCitedInTheReadmeAndTheDocsExists() throws IOException {
    Set<Integer> sections = new LinkedHashSet<>(sectionHeadings());
    List<String> missing = new ArrayList<>();
    for (Map.Entry<Path, String> file : readmeAndDocs().entrySet()) {
      Matcher m = CITATION.matcher(file.getValue());
      while (m.find()) {
        if (!sections.contains(Integer.parseInt(m.group(1)))) {
          missing.add(file.getKey().normalize() + ": " + m.group());
        }
      }
    }
    assertThat(missing).as("sections cited but not in docs/sources.md").isEmpty();
  }

  @Test
  void everyDocsFileNamedInTheReadmeExists() throws IOException {
    String readme = read(ROOT.resolve("README.md"));
    Matcher m = DOCS_FILE.matcher(readme);
    List<String> named = new ArrayList<>();
    while (m.find()) {
      named.add(m.group());
    }
    assertThat(named).as("docs files named in README.md").contains("docs/sources.md");
    assertThat(named.stream().filter(f -> !Files.isRegularFile(ROOT.resolve(f))).distinct())
        .as("docs files named in README.md that do not exist")
        .isEmpty();
  }

  @Test
  void everyMarkdownLinkInTheDocsPointsToAFile() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Map.Entry<Path, String> file : readmeAndDocs().entrySet()) {
      Matcher m = MARKDOWN_LINK.matcher(file.getValue());
      while (m.find()) {
        Path target = file.getKey().getParent().resolve(m.group(1));
        if (!Files.isRegularFile(target)) {
          broken.add(file.getKey().normalize() + ": " + m.group(1));
        }
      }
    }
    assertThat(broken).as("links to Markdown files that do not exist").isEmpty();
  }

  @Test
  void theReadmeNoLongerPointsOutsideTheRepository() throws IOException {
    // The reference notes in shared/reference/ are not part of the repository: users cannot open
    // them. docs/sources.md replaces them.
    assertThat(read(ROOT.resolve("README.md"))).doesNotContain("shared/reference");
  }

  @Test
  void everyConstantNamedInTheSourcesExists() throws IOException {
    Matcher m = CONSTANT.matcher(read(SOURCES));
    List<String> missing = new ArrayList<>();
    int named = 0;
    while (m.find()) {
      named++;
      if (field(m.group(1), m.group(2)).isEmpty()) {
        missing.add(m.group(1) + "." + m.group(2));
      }
    }
    assertThat(named).as("constants named in docs/sources.md").isGreaterThan(30);
    assertThat(missing)
        .as("constants named in docs/sources.md that the code does not have (renamed?)")
        .isEmpty();
  }

  private static Optional<java.lang.reflect.Field> field(String simpleClassName, String name) {
    for (String pkg : PACKAGES) {
      try {
        Class<?> c =
            Class.forName(
                pkg + "." + simpleClassName, false, SourcesDocTest.class.getClassLoader());
        return Optional.of(c.getDeclaredField(name));
      } catch (ClassNotFoundException e) {
        // try the next package
      } catch (NoSuchFieldException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
