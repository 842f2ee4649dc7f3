// The dashboard's charts: which metric rows each one draws, and how. Metric names are those of
// src/Ecosystem.Abstractions/Metrics/MetricNames.cs. Every chart shows world (replicate) 0.

export const palette = ['#2f6fdf', '#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#0b7285', '#e67700', '#5c940d', '#364fc7', '#a61e4d'];
const corpus = '';

/** Every row of one run, with the look-ups the charts need. Values may arrive as "NaN" or "Infinity" strings. */
export class RowStore {
  constructor() {
    this.rows = [];
    this.lastTick = -1;
  }

  /** Adds the rows of one tick; a tick already held is ignored (it may arrive in the history and in a push). */
  addTick(tick, rows) {
    if (tick <= this.lastTick) return false;
    for (const r of rows) {
      if (r.replicate === 0) this.rows.push({ ...r, value: Number(r.value) });
    }
    this.lastTick = tick;
    return true;
  }

  /** Adds a history: rows of ticks 0..n, in any order. */
  addHistory(rows) {
    const byTick = new Map();
    for (const r of rows) {
      if (!byTick.has(r.tick)) byTick.set(r.tick, []);
      byTick.get(r.tick).push(r);
    }
    for (const tick of [...byTick.keys()].sort((a, b) => a - b)) this.addTick(tick, byTick.get(tick));
  }

  has(metric) {
    return this.rows.some(r => r.metric === metric);
  }

  select(metric, vendor, label) {
    return this.rows.filter(r => r.metric === metric && (vendor === undefined || r.vendor === vendor) && (label === undefined || r.label === label));
  }

  /** Vendors with rows of the metric, in order of first appearance. */
  vendors(metric) {
    return [...new Set(this.select(metric).map(r => r.vendor).filter(v => v !== corpus))];
  }

  /** (tick, value) points of one series. */
  series(metric, vendor, label = '') {
    return this.select(metric, vendor, label).map(r => ({ x: r.tick, y: r.value })).sort((a, b) => a.x - b.x);
  }

  latestTick(metric) {
    return Math.max(-1, ...this.select(metric).map(r => r.tick));
  }
}

const percent = { callback: v => `${Math.round(v * 100)}%` };
const tickAxis = { type: 'linear', title: { display: true, text: 'tick (simulated time)' }, ticks: { precision: 0 } };

function line(datasets, y, x = tickAxis) {
  return {
    type: 'line',
    data: { datasets },
    options: { scales: { x, y }, parsing: true },
  };
}

function dataset(label, data, i, dashed = false) {
  return { label, data, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], borderDash: dashed ? [6, 4] : [], pointRadius: 2, tension: 0 };
}

/** Chart definitions: id, title, what it shows, the metrics it needs, and how rows become a chart (null: nothing to draw). */
export const chartDefinitions = [
  {
    id: 'synthetic-share',
    title: 'Synthetic share: true and detected',
    description: 'Share of corpus documents that are synthetic (solid) and that the watermark detector flags (dashed); the same for each vendor\u2019s training set.',
    metrics: ['synthetic_share_documents', 'detected_synthetic_share_documents', 'training_synthetic_share', 'training_detected_synthetic_share'],
    build(store) {
      const sets = [];
      let i = 0;
      const add = (metric, vendor, label, dashed) => {
        const data = store.series(metric, vendor);
        if (data.length > 0) sets.push(dataset(label, data, dashed ? i - 1 : i++, dashed));
      };
      add('synthetic_share_documents', corpus, 'corpus, true', false);
      add('detected_synthetic_share_documents', corpus, 'corpus, detected', true);
      for (const v of store.vendors('training_synthetic_share')) {
        add('training_synthetic_share', v, `${v} training set, true`, false);
        add('training_detected_synthetic_share', v, `${v} training set, detected`, true);
      }
      return sets.length ? line(sets, { min: 0, max: 1, ticks: percent, title: { display: true, text: 'share' } }) : null;
    },
  },
  {
    id: 'distinct-2',
    title: 'Diversity: distinct-2',
    description: 'Distinct bigrams over all bigrams of each vendor\u2019s output published in the tick, and of the corpus.',
    metrics: ['distinct_2'],
    build(store) {
      const sets = [corpus, ...store.vendors('distinct_2')]
        .map((v, i) => dataset(v === corpus ? 'corpus' : v, store.series('distinct_2', v), i))
        .filter(s => s.data.length > 0);
      return sets.length ? line(sets, { min: 0, title: { display: true, text: 'distinct-2' } }) : null;
    },
  },
  {
    id: 'entropy',
    title: 'Diversity: token entropy',
    description: 'Unigram entropy, in bits, of each vendor\u2019s output and of the corpus: falling entropy is the narrowing distribution.',
    metrics: ['token_entropy_bits'],
    build(store) {
      const sets = [corpus, ...store.vendors('token_entropy_bits')]
        .map((v, i) => dataset(v === corpus ? 'corpus' : v, store.series('token_entropy_bits', v), i))
        .filter(s => s.data.length > 0);
      return sets.length ? line(sets, { title: { display: true, text: 'bits' } }) : null;
    },
  },
  {
    id: 'heldout-perplexity',
    title: 'Held-out perplexity per generation',
    description: 'Perplexity of each vendor\u2019s deployed generation on held-out human text (never published): rising means the model fits real text worse.',
    metrics: ['heldout_perplexity'],
    build(store) {
      const sets = store.vendors('heldout_perplexity').map((v, i) => {
        const byGeneration = new Map();
        for (const r of store.select('heldout_perplexity', v)) byGeneration.set(Number(r.generation), r.value);
        const data = [...byGeneration.entries()].sort((a, b) => a[0] - b[0]).map(([x, y]) => ({ x, y }));
        return dataset(v, data, i);
      });
      return sets.length
        ? line(sets, { title: { display: true, text: 'perplexity' } }, { type: 'linear', title: { display: true, text: 'generation' }, ticks: { precision: 0 } })
        : null;
    },
  },
  {
    id: 'genre-coverage',
    title: 'Genre coverage (latest tick)',
    description: 'How much of each genre\u2019s distinctive vocabulary the corpus and each vendor\u2019s output still use, relative to human text (1 = as much as human text).',
    metrics: ['genre_coverage'],
    build(store) {
      const tick = store.latestTick('genre_coverage');
      if (tick < 0) return null;
      const rows = store.select('genre_coverage').filter(r => r.tick === tick);
      const genres = [...new Set(rows.map(r => r.label))].sort();
      const sources = [...new Set(rows.map(r => r.vendor))];
      const datasets = sources.map((v, i) => ({
        label: v === corpus ? 'corpus' : v,
        data: genres.map(g => rows.find(r => r.vendor === v && r.label === g)?.value ?? null),
        backgroundColor: palette[i % palette.length],
      }));
      return {
        type: 'bar',
        data: { labels: genres, datasets },
        options: { scales: { y: { min: 0, title: { display: true, text: `coverage at tick ${tick}` } } } },
      };
    },
  },
  {
    id: 'watermark-detection',
    title: 'Watermark detection',
    description: 'Share of watermarked corpus documents the detector flags (true positives) and of human documents it flags (false positives); per vendor, of what it published in the tick.',
    metrics: ['watermark_true_positive_rate', 'watermark_false_positive_rate'],
    build(store) {
      const sets = [];
      const add = (metric, vendor, label, i, dashed) => {
        const data = store.series(metric, vendor);
        if (data.length > 0) sets.push(dataset(label, data, i, dashed));
      };
      add('watermark_true_positive_rate', corpus, 'corpus, true positive rate', 0, false);
      add('watermark_false_positive_rate', corpus, 'corpus, false positive rate', 1, true);
      store.vendors('watermark_true_positive_rate').forEach((v, i) => add('watermark_true_positive_rate', v, `${v}, true positive rate`, i + 2, false));
      return sets.length ? line(sets, { min: 0, max: 1, ticks: percent, title: { display: true, text: 'rate' } }) : null;
    },
  },
  {
    id: 'perplexity-histogram',
    title: 'Perplexity of generated text under generation 0',
    description: 'Histogram (density) of the per-document perplexity of each generation\u2019s output under the first generation: it moves to lower values and narrows as tails are lost.',
    metrics: ['perplexity_histogram_gen0'],
    build(store) {
      const vendor = store.vendors('perplexity_histogram_gen0')[0];
      if (vendor === undefined) return null;
      const rows = store.select('perplexity_histogram_gen0', vendor);
      const allBins = [...new Set(rows.map(r => r.label))].sort((a, b) => Number(a) - Number(b));
      // Only the range where some generation has mass, with one empty bin either side.
      const used = allBins.map(b => rows.some(r => r.label === b && r.value > 0));
      const first = Math.max(0, used.indexOf(true) - 1);
      const last = Math.min(allBins.length - 1, used.lastIndexOf(true) + 1);
      const bins = used.includes(true) ? allBins.slice(first, last + 1) : allBins;
      const latest = new Map();
      for (const r of rows) {
        const g = Number(r.generation);
        if (!latest.has(g) || latest.get(g) < r.tick) latest.set(g, r.tick);
      }
      const generations = [...latest.keys()].sort((a, b) => a - b);
      const datasets = generations.map((g, i) => {
        const shade = generations.length === 1 ? 0 : i / (generations.length - 1);
        const colour = `hsl(${220 - 200 * shade}, 70%, ${45 + 5 * shade}%)`;
        const tickRows = rows.filter(r => Number(r.generation) === g && r.tick === latest.get(g));
        return {
          label: `${vendor} g${g}`,
          data: bins.map(b => tickRows.find(r => r.label === b)?.value ?? null),
          borderColor: colour, backgroundColor: colour, pointRadius: 0, tension: 0.2,
        };
      });
      return {
        type: 'line',
        data: { labels: bins.map(b => Number(b).toPrecision(3)), datasets },
        options: { scales: { x: { title: { display: true, text: 'perplexity (bin start, log-spaced)' } }, y: { min: 0, title: { display: true, text: 'density' } } } },
      };
    },
  },
  {
    id: 'who-trained-on-whom',
    title: 'Who trained on whom (latest tick)',
    description: 'Share of each vendor\u2019s latest training set (rows) that came from human authors or from each vendor\u2019s models (columns).',
    metrics: ['training_source_share'],
    matrix: true,
    build(store) {
      const tick = store.latestTick('training_source_share');
      if (tick < 0) return null;
      const rows = store.select('training_source_share').filter(r => r.tick === tick);
      const trainers = [...new Set(rows.map(r => r.vendor))];
      const sources = [...new Set(rows.map(r => r.label))].sort((a, b) => (a === 'human' ? -1 : b === 'human' ? 1 : a.localeCompare(b)));
      return { tick, trainers, sources, value: (t, s) => rows.find(r => r.vendor === t && r.label === s)?.value ?? 0 };
    },
  },
];
