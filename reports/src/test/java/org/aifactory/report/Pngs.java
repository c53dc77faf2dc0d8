package org.aifactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks on written PNG files. */
final class Pngs {
  private Pngs() {}

  /** Reads {@code file}, which must be a PNG of {@code width} × {@code height} with a drawing. */
  static BufferedImage read(Path file, int width, int height) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
    assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF); // white background
    assertThat(distinctColours(image)).isGreaterThan(10); // something was drawn
    return image;
  }

  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /** Pixels of exactly the colour {@code rgb}. */
  static int countColour(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  /** True if some pixel has exactly the colour {@code rgb}. */
  static boolean hasColour(BufferedImage image, int rgb) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          return true;
        }
      }
    }
    return false;
  }
}
