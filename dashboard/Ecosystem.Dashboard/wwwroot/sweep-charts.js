// Chart.js specifications of a sweep's figures (GET api/sweeps/{name}), drawn as report.html draws them: each summary
// figure's mean at every point with its confidence interval as a whisker, and each point's mean trajectory inside its band.
import { palette } from './charts.js';

/** Values may arrive as "NaN" strings (a point without runs, an interval of one run). */
const num = v => (v === null || v === undefined ? NaN : Number(v));
const percentTicks = { callback: v => `${Math.round(v * 100)}%` };
const translucent = (colour, alpha) => colour + Math.round(alpha * 255).toString(16).padStart(2, '0');
const format = v => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : Number(v.toPrecision(3)).toString());
const smallLegend = { position: 'bottom', labels: { boxWidth: 18, font: { size: 10 } } };

/** The category axis' label of a point: its values, and while the sweep runs, how many of its runs have finished. */
function category(point) {
  return point.finishedRuns < point.totalRuns ? [point.category, `${point.finishedRuns}/${point.totalRuns} runs`] : point.category;
}

/** A summary figure: per vendor, the mean at each point as a marker and its interval as a capped whisker (vendors side
 * by side within a point), and the closed form as a dashed line where the runs have one; null when nothing to draw. */
export function summaryChart(figure, figures) {
  if (!figure.hasValues) return null;
  const count = figures.points.length;
  const width = 0.6 / Math.max(1, figure.series.length);
  const cap = Math.min(0.08, width / 4);
  const datasets = [];
  if (figure.theory?.some(v => Number.isFinite(num(v)))) {
    datasets.push({
      label: 'closed form', role: 'theory', showLine: true, borderColor: '#212529', backgroundColor: '#212529',
      borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0,
      data: figure.theory.map((v, i) => ({ x: i, y: num(v) })).filter(p => Number.isFinite(p.y)),
    });
  }
  figure.series.forEach((series, s) => {
    const offset = (s - (figure.series.length - 1) / 2) * width;
    const colour = palette[s % palette.length];
    const points = [];
    const whiskers = [];
    for (const p of series.points) {
      const [mean, low, high] = [num(p.mean), num(p.low), num(p.high)];
      if (!Number.isFinite(mean)) continue;
      const x = p.point + offset;
      points.push({ x, y: mean, low, high, runs: p.runs });
      if (Number.isFinite(low) && Number.isFinite(high)) {
        // One line with gaps (y: null) draws every whisker and its caps.
        whiskers.push({ x, y: low }, { x, y: high }, { x, y: null },
          { x: x - cap, y: low }, { x: x + cap, y: low }, { x, y: null },
          { x: x - cap, y: high }, { x: x + cap, y: high }, { x, y: null });
      }
    }
    datasets.push({ label: series.vendor, role: 'points', data: points, borderColor: colour, backgroundColor: colour, pointRadius: 5, showLine: false });
    datasets.push({
      label: `${series.vendor}, ${Math.round(figures.confidence * 100)}% interval`, role: 'whiskers', intervals: whiskers.length / 9,
      data: whiskers, borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 0, showLine: true, spanGaps: false,
    });
  });
  const labels = figures.points.map(category);
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      scales: {
        x: {
          type: 'linear', min: -0.6, max: count - 0.4, grid: { display: false },
          title: { display: true, text: figures.axisLabel },
          // A tick at each point and nowhere else: the axis is categorical, drawn on a linear scale so vendors can sit side by side.
          afterBuildTicks: axis => { axis.ticks = labels.map((_, i) => ({ value: i })); },
          ticks: { autoSkip: false, maxRotation: 0, callback: v => labels[v] ?? '' },
        },
        // Room above and below, so a marker at the top or bottom of the range is not cut in half by the plot's edge.
        y: { grace: '8%', title: { display: true, text: figure.metric }, ...(figure.percent ? { ticks: percentTicks } : {}) },
      },
      plugins: {
        legend: { labels: { filter: (item, data) => data.datasets[item.datasetIndex].role !== 'whiskers' } },
        tooltip: {
          filter: item => item.dataset.role !== 'whiskers',
          callbacks: {
            label: ctx => {
              const p = ctx.raw;
              if (ctx.dataset.role === 'theory') return `closed form: ${format(p.y)}`;
              const interval = Number.isFinite(p.low) ? ` [${format(p.low)}, ${format(p.high)}]` : '';
              return `${ctx.dataset.label}: ${format(p.y)}${interval}, ${p.runs} run${p.runs === 1 ? '' : 's'}`;
            },
          },
        },
      },
    },
  };
}

/** A trajectory figure: per point (coloured by its place in the grid, as in report.html), the band between the
 * interval's bounds at each tick and the mean line inside it; null when no point has a value yet. */
export function trajectoryChart(figure, figures) {
  const datasets = [];
  figure.bands.forEach((band, k) => {
    if (band.ticks.length === 0) return;
    const colour = palette[k % palette.length];
    const at = values => band.ticks.map((tick, i) => ({ x: tick, y: num(values[i]) }));
    const total = figures.points[band.point].totalRuns;
    // The band fills from its upper bound down to the dataset before it, its lower bound.
    datasets.push({ label: `${band.name}, low`, role: 'band-low', data: at(band.lows), borderColor: 'transparent', borderWidth: 0, pointRadius: 0, fill: false });
    datasets.push({ label: `${band.name}, band`, role: 'band', data: at(band.highs), borderColor: 'transparent', backgroundColor: translucent(colour, 0.2), borderWidth: 0, pointRadius: 0, fill: '-1' });
    datasets.push({
      label: band.runs < total ? `${band.name} (${band.runs}/${total} runs)` : band.name, role: 'mean', data: at(band.means),
      borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 1.5, tension: 0,
    });
  });
  if (datasets.length === 0) return null;
  return {
    type: 'line',
    data: { datasets },
    options: {
      scales: {
        x: { type: 'linear', title: { display: true, text: 'tick (simulated time)' }, ticks: { precision: 0 } },
        y: { title: { display: true, text: figure.yLabel }, ...(figure.percent ? { ticks: percentTicks } : {}) },
      },
      plugins: {
        legend: { ...smallLegend, labels: { ...smallLegend.labels, filter: (item, data) => data.datasets[item.datasetIndex].role === 'mean' } },
        tooltip: { filter: item => item.dataset.role === 'mean' },
      },
    },
  };
}
