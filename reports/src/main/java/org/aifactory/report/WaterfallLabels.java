package org.aifactory.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the value label of each bar of a horizontal waterfall goes, so that the value axis can end
 * just past the longest bar instead of leaving room for labels: a floating bar's label left of the
 * bar, in the empty space below the running total; a bar from 0 has its label inside, at its end; a
 * label that does not fit there goes right of its bar, and only then does the axis grow.
 */
final class WaterfallLabels {
  /** Space past the longest bar, as a fraction of it. */
  static final double MARGIN = 0.02;

  /** Pixels between a bar and its label. */
  static final double GAP_PX = 6;

  enum Side {
    LEFT,
    INSIDE,
    RIGHT
  }

  /** A bar from {@code start} to {@code end} with a label {@code widthPx} wide. */
  record Bar(double start, double end, double widthPx) {}

  /** The upper end of the value axis (from 0), its width in pixels and each bar's label side. */
  record Layout(double upper, double areaPx, List<Side> sides) {
    /** {@link #GAP_PX} in axis units. */
    double gap() {
      return GAP_PX * upper / areaPx;
    }
  }

  private WaterfallLabels() {}

  /** Lays out {@code bars} on an axis from 0 drawn {@code areaPx} wide. */
  static Layout layout(List<Bar> bars, double areaPx) {
    double longest = 0;
    for (Bar b : bars) {
      longest = Math.max(longest, Math.max(b.start(), b.end()));
    }
    double upper = longest > 0 ? longest * (1 + MARGIN) : 1;
    List<Side> sides = List.of();
    for (int round = 0; round < 5; round++) {
      double perPx = upper / areaPx;
      sides = new ArrayList<>();
      double needed = upper;
      for (Bar b : bars) {
        double room = (b.widthPx() + 2 * GAP_PX) * perPx;
        Side side;
        if (b.start() > 0 && b.start() >= room) {
          side = Side.LEFT;
        } else if (b.start() <= 0 && b.end() >= room) {
          side = Side.INSIDE;
        } else {
          side = Side.RIGHT;
          // the label ends inside the area: end/upper·W + gap + width <= W
          double fraction = Math.max(0.2, 1 - (b.widthPx() + 2 * GAP_PX) / areaPx);
          needed = Math.max(needed, b.end() / fraction);
        }
        sides.add(side);
      }
      if (needed <= upper) {
        break;
      }
      upper = needed;
    }
    return new Layout(upper, areaPx, sides);
  }
}
