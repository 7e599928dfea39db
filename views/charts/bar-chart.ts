/** One bar group of a chart: a label and up to two values on a 0–100 scale. */
export interface BarDatum {
  label: string;
  /** The main value (e.g. the rate now); null draws no bar. */
  value: number | null;
  /** A second value drawn beside it (e.g. the projected rate); null or absent draws none. */
  second?: number | null;
}

/** What the chart shows, with the words a screen reader hears. */
export interface BarChartSpec {
  id: string;
  title: string;
  description: string;
  bars: BarDatum[];
  /** A target line across the chart (e.g. the A cut), on the same scale. */
  target?: { value: number; label: string } | null;
  /** Legend labels of the two series. */
  seriesLabels: [string, string?];
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const WIDTH = 560;
const ROW = 34;
const LEFT = 170;
/** Longer labels are shortened with an ellipsis; the table beside the chart has them whole. */
const MAX_LABEL_CHARS = 24;
const RIGHT = 60;

function shorten(label: string): string {
  return label.length <= MAX_LABEL_CHARS ? label : `${label.slice(0, MAX_LABEL_CHARS - 1)}…`;
}

function barRow(bar: BarDatum, index: number, hasSecond: boolean): string {
  const y = 30 + index * ROW;
  const scale = (WIDTH - LEFT - RIGHT) / 100;
  const height = hasSecond ? 12 : 22;
  const parts = [
    `<text x="${LEFT - 6}" y="${y + 15}" text-anchor="end">${escapeXml(shorten(bar.label))}</text>`,
  ];
  const drawBar = (value: number | null | undefined, offset: number, css: string) => {
    if (value === null || value === undefined) return;
    const width = Math.max(0, Math.min(100, value)) * scale;
    parts.push(
      `<rect class="${css}" x="${LEFT}" y="${y + offset}" width="${width.toFixed(1)}" height="${height}"/>`,
    );
    parts.push(`<text x="${LEFT + width + 4}" y="${y + offset + height - 2}">${value}</text>`);
  };
  drawBar(bar.value, 0, 'bar');
  if (hasSecond) drawBar(bar.second, 13, 'bar-alt');
  return parts.join('');
}

/**
 * Draws a horizontal bar chart as inline SVG, readable without colour (values are printed at
 * each bar) and announced as one image with a title and description; the page shows the same
 * figures in a data table beside it. Every text is XML-escaped here, which is why templates may
 * insert the result unescaped.
 *
 * @param spec - bars, labels and the optional target line.
 * @returns the SVG markup.
 */
export function renderBarChart(spec: BarChartSpec): string {
  const hasSecond = spec.bars.some((bar) => bar.second !== undefined && bar.second !== null);
  const height = 40 + spec.bars.length * ROW + 20;
  const scale = (WIDTH - LEFT - RIGHT) / 100;
  const rows = spec.bars.map((bar, index) => barRow(bar, index, hasSecond)).join('');
  const target = spec.target
    ? `<line class="target" x1="${LEFT + spec.target.value * scale}" x2="${LEFT + spec.target.value * scale}" y1="22" y2="${height - 18}"/>` +
      `<text x="${LEFT + spec.target.value * scale + 3}" y="16">${escapeXml(spec.target.label)}</text>`
    : '';
  // The legend starts at the left edge so the longer series names fit in both languages.
  const legend =
    `<rect class="bar" x="10" y="${height - 14}" width="10" height="10"/>` +
    `<text x="24" y="${height - 5}">${escapeXml(spec.seriesLabels[0])}</text>` +
    (hasSecond && spec.seriesLabels[1]
      ? `<rect class="bar-alt" x="230" y="${height - 14}" width="10" height="10"/>` +
        `<text x="244" y="${height - 5}">${escapeXml(spec.seriesLabels[1])}</text>`
      : '');
  return (
    `<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${spec.id}-t ${spec.id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${spec.id}-t">${escapeXml(spec.title)}</title>` +
    `<desc id="${spec.id}-d">${escapeXml(spec.description)}</desc>` +
    rows +
    target +
    legend +
    `</svg>`
  );
}
