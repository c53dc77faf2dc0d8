package org.aifactory.report;

import static org.aifactory.report.TextTable.Align.LEFT;
import static org.aifactory.report.TextTable.Align.RIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void blankColumnsTakeNoSpace() {
    TextTable t = new TextTable("  ", LEFT, RIGHT, LEFT, RIGHT, LEFT);
    t.row("a", "1", "", "", "x");
    t.rowWithRemark("(r)", "bb", "22", "", "");
    assertThat(t.render()).isEqualTo("  a    1  x\n  bb  22  (r)\n");
  }

  @Test
  void columnsAlignAndRemarksFollowTheirCells() {
    TextTable t = new TextTable("", LEFT, RIGHT, LEFT);
    t.row("x", "1", "u");
    t.line("-- heading");
    t.rowWithRemark("note", "long label", "1,000");
    assertThat(t.render()).isEqualTo("x               1  u\n-- heading\nlong label  1,000  note\n");
  }
}
