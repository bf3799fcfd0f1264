import type { UnitFigure, UnitFigureList } from "./types";

/** How a figure is kept: its kind, and whether it came with 分子 and 分母 (0, the arrays' start, is blank). */
const NOT_APPLICABLE = 1;
const VALUE = 2;
const VALUE_WITH_PARTS = 3;

/**
 * One target's figures unit by unit, in typed arrays: a thousand units by a hundred and fifty targets would
 * otherwise be a hundred and fifty thousand objects kept until the summary is written. A figure is made again
 * each time it is asked for.
 * @example const list = UnitFigures.of([{ kind: "value", value: 3 }, { kind: "blank" }]); list.at(0) // → { kind: "value", value: 3 }
 */
export class UnitFigures implements UnitFigureList {
  private constructor(
    private readonly kinds: Uint8Array,
    private readonly values: Float64Array,
    /** 分子 and 分母 of each figure, in pairs; null when no figure has them. */
    private readonly parts: Float64Array | null,
  ) {}

  static of(figures: readonly UnitFigure[]): UnitFigures {
    const n = figures.length;
    const kinds = new Uint8Array(n);
    const values = new Float64Array(n);
    const withParts = figures.some((f) => f.kind === "value" && f.numerator !== undefined);
    const parts = withParts ? new Float64Array(2 * n) : null;
    figures.forEach((f, i) => {
      if (f.kind === "blank") return;
      if (f.kind === "not_applicable") {
        kinds[i] = NOT_APPLICABLE;
        return;
      }
      values[i] = f.value;
      if (parts && f.numerator !== undefined && f.denominator !== undefined) {
        kinds[i] = VALUE_WITH_PARTS;
        parts[2 * i] = f.numerator;
        parts[2 * i + 1] = f.denominator;
      } else kinds[i] = VALUE;
    });
    return new UnitFigures(kinds, values, parts);
  }

  get length(): number {
    return this.kinds.length;
  }

  at(index: number): UnitFigure {
    switch (this.kinds[index]) {
      case NOT_APPLICABLE:
        return { kind: "not_applicable" };
      case VALUE:
        return { kind: "value", value: this.values[index]! };
      case VALUE_WITH_PARTS:
        return {
          kind: "value",
          value: this.values[index]!,
          numerator: this.parts![2 * index]!,
          denominator: this.parts![2 * index + 1]!,
        };
      default:
        return { kind: "blank" };
    }
  }

  *[Symbol.iterator](): Iterator<UnitFigure> {
    for (let i = 0; i < this.kinds.length; i++) yield this.at(i);
  }
}
