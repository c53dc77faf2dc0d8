package org.aifactory.report;

/** Text made safe for HTML: every piece of text that goes into a page goes through here. */
final class Html {
  private Html() {}

  /** {@code text} with {@code & < > " '} escaped, for element content and attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
