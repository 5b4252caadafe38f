import { BarController, BarElement, CategoryScale, Chart, LinearScale, type Plugin } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only the parts a horizontal bar chart uses: the bundle stays small, and nothing is fetched.
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export interface Bar { label: string; value: number; shown: string }

const ROW = 34;
const FONT = { family: 'system-ui, "DejaVu Sans", "Liberation Sans", sans-serif', size: 16 };

/** The theme's colours, read from the stylesheet so the chart follows it. */
const themeColour = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/**
 * Each bar's figure as the report publishes it, written at the bar's end: a suppressed count
 * ("<5") draws no bar but still shows, as in the hub's PDF.
 */
const figuresAtBarEnds = (shown: string[], colour: string): Plugin<'bar'> => ({
  id: 'figuresAtBarEnds',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = colour;
    ctx.font = `${FONT.size}px ${FONT.family}`;
    ctx.textBaseline = 'middle';
    chart.getDatasetMeta(0).data.forEach((bar, i) => ctx.fillText(shown[i] ?? '', bar.x + 8, bar.y));
    ctx.restore();
  },
});

/**
 * A horizontal bar chart drawn by Chart.js on a canvas, with the same figures as a table beside it
 * (a canvas is a picture: screen readers and copy-paste get the table).
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const text = themeColour('--text');
    const line = themeColour('--line');
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: { labels: bars.map((b) => b.label), datasets: [{ data: bars.map((b) => Math.max(0, b.value)), backgroundColor: themeColour('--accent'), borderRadius: 3, barPercentage: 0.8 }] },
      options: {
        indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false, events: [],
        layout: { padding: { right: 64 } },
        plugins: { legend: { display: false } },
        scales: {
          x: { beginAtZero: true, grid: { color: line }, border: { color: line }, ticks: { color: text, font: FONT, precision: 0 } },
          y: { grid: { display: false }, border: { color: line }, ticks: { color: text, font: FONT, autoSkip: false, callback: (_v, i) => truncate(bars[i]?.label ?? '') } },
        },
      },
      plugins: [figuresAtBarEnds(bars.map((b) => b.shown), text)],
    });
    return () => chart.destroy();
  }, [JSON.stringify(bars)]);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div class="chart-canvas" style={{ height: `${Math.max(140, bars.length * ROW + 48)}px` }}>
        <canvas ref={canvas} role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.shown}`).join('; ')}`} />
      </div>
      <details class="chart-data">
        <summary>{title} as a table</summary>
        <table>
          <thead><tr><th scope="col">{title}</th><th scope="col" class="num">Figure</th></tr></thead>
          <tbody>{bars.map((b) => <tr><td>{b.label}</td><td class="num">{b.shown}</td></tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}

const truncate = (label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label);
