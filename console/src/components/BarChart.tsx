export interface Bar { label: string; value: number; shown: string }

const ROW = 30;
const LABEL_W = 260;
const BAR_W = 420;

/**
 * A horizontal bar chart drawn as SVG by Preact (no chart script, nothing fetched, CSP-clean).
 * A published-but-suppressed figure ("<5") is shown as text and draws no bar, as in the hub's PDF.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${LABEL_W + BAR_W + 90} ${height}`} role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.shown}`).join('; ')}`}>
        {bars.map((b, i) => {
          const y = 4 + i * ROW;
          const w = Math.round((Math.max(0, b.value) / max) * BAR_W);
          return (
            <g>
              <text class="chart-label" x={LABEL_W - 10} y={y + 20} text-anchor="end">{b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}</text>
              <rect class="chart-bar" x={LABEL_W} y={y + 4} width={w} height={ROW - 8} rx="3" />
              <text class="chart-value" x={LABEL_W + w + 8} y={y + 20}>{b.shown}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
