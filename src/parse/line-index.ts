/**
 * Line and column of offsets in one text, counted as the `yaml` package's
 * `LineCounter` counts them (lines end at `\n`; columns are 1-based UTF-16
 * code units), so that places from either YAML reader agree.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }

  /** 1-based line of a 0-based offset. */
  line(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** 1-based column of a 0-based offset on its 1-based `line`. */
  column(offset: number, line: number): number {
    return offset - this.starts[line - 1]! + 1;
  }
}
