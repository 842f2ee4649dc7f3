// The sweeps view: the sweep folders of the runs folder, read again every few seconds so that a sweep in progress
// fills in as its runs finish, and the selected sweep's figures drawn as its report.html draws them.
import { summaryChart, trajectoryChart } from './sweep-charts.js';

const $ = id => document.getElementById(id);
const pollMilliseconds = 2000;

const view = {
  sweeps: new Map(),  // folder name -> entry of GET api/sweeps
  selected: null,     // folder name of the sweep shown
  figures: null,      // its figures as last read
  readAt: null,       // its entry when they were read: they are read again once the entry moves on
  charts: new Map(),  // chart id -> Chart
  polling: false,
};

/** A summary figure's caption, worded as in report.html. */
const caption = figure => figure.description + (figure.higherIsWorse ? ' (higher is worse).' : ' (higher is better).')
  + (figure.theory ? ' Dashed: the closed form.' : '');

function renderList() {
  const body = $('sweeps').tBodies[0];
  const sweeps = [...view.sweeps.values()];
  if (sweeps.length === 0) {
    const row = document.createElement('tr');
    const cell = Object.assign(document.createElement('td'), { colSpan: 5, className: 'note', textContent: 'No sweep folders in the runs folder yet.' });
    row.append(cell);
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(...sweeps.map(sweep => {
    const row = document.createElement('tr');
    row.dataset.sweep = sweep.name;
    row.classList.toggle('selected', sweep.name === view.selected);
    const state = Object.assign(document.createElement('span'), { className: `pill ${sweep.status}`, textContent: sweep.status });
    const cells = [sweep.name, sweep.sweep, state, `${sweep.finishedRuns} / ${sweep.totalRuns}`, new Date(sweep.startedAt).toLocaleString()];
    row.append(...cells.map(c => { const td = document.createElement('td'); td.append(c); return td; }));
    row.addEventListener('click', () => select(sweep.name));
    return row;
  }));
}

function renderHeader() {
  const sweep = view.sweeps.get(view.selected);
  $('sweep-view').hidden = view.selected === null;
  $('sweep-title').textContent = sweep ? `${sweep.sweep} (${sweep.name})` : 'No sweep selected';
  const state = $('sweep-state');
  state.textContent = sweep?.status ?? '';
  state.className = `pill ${sweep?.status ?? ''}`;
  const figures = view.figures;
  $('sweep-progress').textContent = figures ? `${figures.finishedRuns} of ${figures.totalRuns} runs finished` : '';
  $('sweep-progress').dataset.finishedRuns = String(figures?.finishedRuns ?? 0);
  const notes = [];
  if (sweep?.description) notes.push(sweep.description);
  if (figures) notes.push(`Means across seeds with ${Math.round(figures.confidence * 100)}% Student-t intervals, as in the sweep's report.html.`);
  if (sweep?.status === 'running') notes.push('In progress: the figures fill in as runs finish.');
  if (sweep?.error) notes.push(`Error: ${sweep.error}`);
  $('sweep-note').textContent = notes.join(' ');
}

function card(container, id, title, note) {
  let element = container.querySelector(`[data-sweep-chart="${id}"]`);
  if (!element) {
    element = document.createElement('article');
    element.className = 'chart-card';
    element.dataset.sweepChart = id;
    const body = Object.assign(document.createElement('div'), { className: 'canvas-box' });
    body.append(document.createElement('canvas'));
    element.append(Object.assign(document.createElement('h3'), { textContent: title }),
      Object.assign(document.createElement('p'), { className: 'note' }), body);
    container.append(element);
  }
  element.querySelector('.note').textContent = note;
  return element;
}

function draw(container, id, title, note, spec) {
  const existing = container.querySelector(`[data-sweep-chart="${id}"]`);
  if (spec === null) {
    view.charts.get(id)?.destroy();
    view.charts.delete(id);
    existing?.remove();
    return;
  }
  const element = card(container, id, title, note);
  const chart = view.charts.get(id);
  if (chart && existing) {
    chart.data = spec.data;
    chart.options = spec.options;
    chart.update('none');
  } else {
    view.charts.set(id, new Chart(element.querySelector('canvas'), spec));
  }
}

function clearCharts() {
  for (const chart of view.charts.values()) chart.destroy();
  view.charts.clear();
  $('sweep-summaries').replaceChildren();
  $('sweep-trajectories').replaceChildren();
}

function renderFigures() {
  const figures = view.figures;
  if (!figures) return clearCharts();
  for (const figure of figures.summaries) {
    draw($('sweep-summaries'), `summary-${figure.metric}`, figure.title, caption(figure), summaryChart(figure, figures));
  }
  for (const figure of figures.trajectories) {
    draw($('sweep-trajectories'), `trajectory-${figure.vendor || 'corpus'}-${figure.metric}`, figure.title, figure.caption, trajectoryChart(figure, figures));
  }
  const empty = figures.finishedRuns === 0;
  $('sweep-empty').hidden = !empty;
  $('sweep-empty').textContent = empty ? 'No run of this sweep has finished yet; its figures appear as runs finish.' : '';
}

async function load(name) {
  const response = await fetch(`api/sweeps/${encodeURIComponent(name)}`);
  if (!response.ok || view.selected !== name) return;
  const { sweep, figures } = await response.json();
  if (view.selected !== name) return;
  view.sweeps.set(name, sweep);
  view.figures = figures;
  view.readAt = sweep;
  renderList();
  renderHeader();
  renderFigures();
}

async function select(name) {
  if (view.selected !== name) {
    view.selected = name;
    view.figures = null;
    view.readAt = null;
    clearCharts();
  }
  renderList();
  renderHeader();
  await load(name);
}

/** Reads the list again, and the selected sweep's figures when its entry has moved on (a run finished, it ended). */
async function poll() {
  if (view.polling) return;
  view.polling = true;
  try {
    const response = await fetch('api/sweeps');
    if (!response.ok) return;
    const sweeps = await response.json();
    view.sweeps = new Map(sweeps.map(s => [s.name, s]));
    renderList();
    const entry = view.sweeps.get(view.selected);
    const read = view.readAt;
    if (entry && (!read || entry.finishedRuns !== read.finishedRuns || entry.status !== read.status || entry.startedAt !== read.startedAt)) {
      await load(view.selected);
    } else {
      renderHeader();
    }
  } catch {
    // The server may be restarting: the next poll tries again.
  } finally {
    view.polling = false;
  }
}

/** Lists the sweeps and keeps reading them. */
export async function startSweeps() {
  renderHeader();
  await poll();
  setInterval(poll, pollMilliseconds);
}

/** For tests and the curious: the sweeps, the one shown, and what each of its charts draws. */
export const sweepHooks = {
  sweeps: () => [...view.sweeps.values()],
  selectedSweep: () => view.selected,
  selectSweep: name => select(name),
  sweepFigures: () => view.figures,
  /** A chart's datasets, numbers that are not finite given as null (JSON has no NaN). */
  sweepChartData: id => view.charts.get(id)?.data.datasets.map(d => ({
    label: d.label,
    role: d.role,
    data: d.data.map(p => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v]))),
  })) ?? null,
  /** Per chart: markers (points), whiskers (intervals), bands and mean lines drawn. */
  sweepDrawn: () => [...view.charts.entries()].map(([id, chart]) => {
    const sets = chart.data.datasets;
    const sum = (role, f) => sets.filter(d => d.role === role).reduce((n, d) => n + f(d), 0);
    return { id, points: sum('points', d => d.data.length), whiskers: sum('whiskers', d => d.intervals), bands: sum('band', () => 1), lines: sum('mean', () => 1) };
  }),
};
