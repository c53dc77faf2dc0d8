package org.aifactory.scenario;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A scenario's text as read, before it is parsed: what a run on another machine needs to read the
 * same scenario (a Spark executor, a batch job's shard) and what a partial result names by its
 * hash.
 *
 * @param label names the text in errors and becomes {@link Scenario#source()}: the file path as
 *     given, or {@code bundled:<name>}
 * @param text the scenario's YAML text
 * @param folder the folder its data files (hourly weather) are named relative to; empty for the
 *     working directory
 */
public record ScenarioSource(String label, String text, String folder) implements Serializable {
  private static final long serialVersionUID = 1L;

  public ScenarioSource {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(folder, "folder");
  }

  /** The folder as a path. */
  public Path folderPath() {
    return Path.of(folder);
  }

  /** The SHA-256 of the text (UTF-8), in lower-case hex: the same text, the same hash. */
  public String sha256() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
