// The dashboard page: run list, start form, controls, and live charts fed by the SignalR hub; the sweeps view is sweeps.js.
import { RowStore, chartDefinitions } from './charts.js';
import { startSweeps, sweepHooks } from './sweeps.js';

const $ = id => document.getElementById(id);
const finished = state => state === 'completed' || state === 'failed' || state === 'cancelled';

Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

const page = {
  runs: new Map(),       // id -> summary
  selected: null,        // id of the run shown
  store: new RowStore(), // its rows
  snapshotPending: null, // ticks pushed while its history is on the way
  charts: new Map(),     // chart id -> Chart
  compared: new Map(),   // id -> RowStore of each run drawn beside the selected one
};

// Each run of a comparison draws its lines with a pattern of its own; the selected run keeps its charts' own patterns.
const runDashes = [[], [7, 4], [2, 3], [12, 3, 2, 3], [4, 8]];

// ---- control token: from the #token=... link printed at start, or typed in; kept for this tab only ----
function readToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem('ecosystem-token', decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  $('token').value = sessionStorage.getItem('ecosystem-token') ?? '';
  $('token').addEventListener('input', () => sessionStorage.setItem('ecosystem-token', $('token').value.trim()));
}

async function control(url, body) {
  const headers = { 'Content-Type': 'application/json' };
  const token = $('token').value.trim();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const content = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  return { ok: response.ok, status: response.status, content };
}

function showErrors(list, result) {
  list.replaceChildren();
  if (result === null || result.ok) return;
  const problem = result.content ?? {};
  const add = (path, message) => {
    const item = document.createElement('li');
    if (path) {
      const code = document.createElement('code');
      code.textContent = path;
      item.append(code, ' ');
    }
    item.append(message);
    list.append(item);
  };
  const title = `${result.status}: ${problem.title ?? 'request refused'}`;
  if (Array.isArray(problem.errors) && problem.errors.length > 0) {
    add('', title);
    for (const e of problem.errors) add(e.path, e.message);
  } else {
    add('', problem.detail ? `${title}. ${problem.detail}` : title);
  }
}

function localError(list, message) {
  showErrors(list, { ok: false, status: 400, content: { title: message } });
}

// ---- start form ----
async function loadScenarios() {
  const scenarios = await (await fetch('api/scenarios')).json();
  const select = $('scenario-select');
  for (const s of scenarios) {
    const option = document.createElement('option');
    option.value = s.name;
    option.textContent = `${s.name} (${s.ticks} ticks)`;
    option.dataset.description = s.description ?? '';
    select.append(option);
  }
  if (scenarios.some(s => s.name === 'quickstart')) select.value = 'quickstart';
  const describe = () => { $('scenario-description').textContent = select.selectedOptions[0]?.dataset.description ?? ''; };
  select.addEventListener('change', () => { $('scenario-file').value = ''; describe(); });
  describe();
}

async function start(event) {
  event.preventDefault();
  const list = $('start-errors');
  const body = {};
  const file = $('scenario-file').files[0];
  if (file) {
    body.definition = await file.text(); // sent as text, so the server reports syntax errors with their line
  } else {
    body.scenario = $('scenario-select').value;
  }
  const seed = $('seed').value.trim();
  if (seed !== '') {
    if (!/^\d+$/.test(seed)) return localError(list, 'The seed must be a whole number >= 0.');
    body.seed = Number(seed);
  }
  const result = await control('api/runs', body);
  showErrors(list, result);
  if (result.ok) {
    upsertRun(result.content);
    await select(result.content.id);
  }
}

// ---- run list ----
function upsertRun(summary) {
  // A history read a moment ago may arrive after a newer status; runs only move forward.
  const known = page.runs.get(summary.id);
  if (known && (summary.completedTicks < known.completedTicks || (finished(known.state) && !finished(summary.state)))) return;
  page.runs.set(summary.id, summary);
  renderRuns();
  if (summary.id === page.selected) renderRunHeader();
}

function renderRuns() {
  const body = $('runs').tBodies[0];
  const runs = [...page.runs.values()].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  body.replaceChildren(...runs.map(run => {
    const row = document.createElement('tr');
    row.dataset.runId = run.id;
    row.classList.toggle('selected', run.id === page.selected);
    const compare = document.createElement('input');
    compare.type = 'checkbox';
    compare.className = 'compare-box';
    compare.title = 'Draw this run beside the selected one';
    compare.checked = page.compared.has(run.id);
    compare.disabled = run.id === page.selected;
    compare.addEventListener('click', event => { event.stopPropagation(); setCompared(run.id, compare.checked); });
    const compareCell = document.createElement('td');
    compareCell.append(compare);
    row.append(compareCell);
    const state = document.createElement('span');
    state.className = `pill ${run.state}`;
    state.textContent = run.state;
    const cells = [run.id, run.scenario, String(run.seed), state, `${run.completedTicks} / ${run.totalTicks}`, new Date(run.startedAt).toLocaleString()];
    row.append(...cells.map(c => { const td = document.createElement('td'); td.append(c); return td; }));
    row.addEventListener('click', () => select(run.id));
    return row;
  }));
}

// ---- comparing runs: their rows, read once and again as they grow, drawn beside the selected run's ----
async function setCompared(id, on) {
  if (!on) {
    page.compared.delete(id);
    renderRuns();
    renderCharts();
    return;
  }
  const response = await fetch(`api/runs/${encodeURIComponent(id)}/metrics`);
  if (!response.ok) return;
  const snapshot = await response.json();
  const store = new RowStore();
  store.addHistory(snapshot.rows);
  page.compared.set(id, store);
  renderRuns();
  renderCharts();
}

function refreshCompared(summary) {
  const store = page.compared.get(summary.id);
  if (store && summary.completedTicks - 1 > store.lastTick) setCompared(summary.id, true);
}

/** A run's name for a legend: its id without the date, which every run of a day shares ("quickstart-seed42 135703"). */
const shortName = id => id.replace(/-\d{8}-(\d{6})$/, ' $1');

/** The selected run's line chart with every compared run's lines beside it, and the tick where a fork branches off. */
function overlay(definition, spec) {
  const runs = [page.selected, ...page.compared.keys()].filter((id, i, all) => all.indexOf(id) === i);
  const datasets = [];
  runs.forEach((id, k) => {
    const own = k === 0 ? spec : definition.build(page.compared.get(id));
    if (!own || own.type !== 'line') return;
    for (const d of own.data.datasets) {
      datasets.push({ ...d, label: `${shortName(id)} \u00b7 ${d.label}`, borderDash: k === 0 ? d.borderDash : runDashes[k % runDashes.length] });
    }
  });
  const ys = datasets.flatMap(d => d.data.map(p => p?.y)).filter(Number.isFinite);
  const byTick = spec.options?.scales?.x?.title?.text?.startsWith('tick');
  if (byTick && ys.length > 0) {
    for (const id of runs) {
      const run = page.runs.get(id);
      if (!run?.forkOf || !runs.includes(run.forkOf)) continue;
      datasets.push({
        label: `fork at tick ${run.forkTick}`,
        data: [{ x: run.forkTick, y: Math.min(...ys) }, { x: run.forkTick, y: Math.max(...ys) }],
        borderColor: '#868e96', backgroundColor: '#868e96', borderDash: [3, 3], borderWidth: 1, pointRadius: 0, tension: 0,
      });
    }
  }
  // Several runs make a long legend: below the plot, with small keys, so the lines keep their room.
  const legend = { position: 'bottom', labels: { boxWidth: 18, font: { size: 10 } } };
  return { ...spec, data: { datasets }, options: { ...spec.options, plugins: { ...spec.options?.plugins, legend } } };
}

function renderRunHeader() {
  const run = page.runs.get(page.selected);
  if (!run) return;
  $('run-title').textContent = run.id;
  const state = $('run-state');
  state.textContent = run.state;
  state.className = `pill ${run.state}`;
  $('run-progress').textContent = `tick ${run.completedTicks} of ${run.totalTicks}`;
  $('run-progress').dataset.completedTicks = String(run.completedTicks);
  const live = run.controllable && !finished(run.state);
  $('pause-button').disabled = !live || run.state !== 'running';
  $('resume-button').disabled = !live || (run.state !== 'paused' && run.state !== 'pausing');
  $('stop-button').disabled = !live || run.state === 'stopping';
  const forkable = Math.min(run.completedTicks, run.totalTicks - 1);
  $('fork-button').disabled = forkable < 1;
  $('fork-at').max = String(Math.max(1, forkable));
  $('fork-panel').title = forkable < 1 ? 'A run can be forked once it has completed a tick (and has ticks left).' : `Fork at tick 1..${forkable}: same history, then the changed policy.`;
  const notes = [];
  if (!run.controllable && !finished(run.state)) notes.push('Started elsewhere: its charts show the rows written when it was opened.');
  if (run.forkOf) notes.push(`Fork of ${run.forkOf} at tick ${run.forkTick}.`);
  if (run.error) notes.push(`Error: ${run.error}`);
  $('run-note').textContent = notes.join(' ');
}

// ---- the selected run and its charts ----
async function select(id) {
  if (page.selected === id && page.snapshotPending === null && page.store.lastTick >= 0) return;
  if (page.selected && page.selected !== id) await hub.invoke('Unwatch', page.selected).catch(() => {});
  page.selected = id;
  // Comparisons are chosen for the run selected: another run starts with none (a fork with its parent).
  page.compared.clear();
  page.store = new RowStore();
  page.snapshotPending = [];
  renderRuns();
  renderRunHeader();
  renderCharts();
  $('control-errors').replaceChildren();
  let snapshot;
  try {
    snapshot = await hub.invoke('Watch', id);
  } catch (e) {
    localError($('control-errors'), e.message);
    return;
  }
  if (page.selected !== id) return;
  page.store.addHistory(snapshot.rows);
  for (const update of page.snapshotPending) page.store.addTick(update.tick, update.rows);
  page.snapshotPending = null;
  upsertRun(snapshot.run);
  renderCharts();
  // A fork is offered beside its parent: the two are what a what-if compares.
  const parent = snapshot.run.forkOf;
  if (parent && page.runs.has(parent) && !page.compared.has(parent)) await setCompared(parent, true);
}

function onTick(update) {
  if (update.runId !== page.selected) return;
  if (page.snapshotPending !== null) {
    page.snapshotPending.push(update);
    return;
  }
  if (page.store.addTick(update.tick, update.rows)) renderCharts();
  upsertRun(update.run);
}

function chartCard(definition) {
  let card = document.querySelector(`[data-chart-id="${definition.id}"]`);
  if (card) return card;
  card = document.createElement('article');
  card.className = 'chart-card';
  card.dataset.chartId = definition.id;
  const title = document.createElement('h3');
  title.textContent = definition.title;
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = definition.description;
  const body = document.createElement('div');
  body.className = 'chart-body';
  card.append(title, note, body);
  $('charts').append(card);
  return card;
}

function renderCharts() {
  for (const definition of chartDefinitions) {
    const card = chartCard(definition);
    const body = card.querySelector('.chart-body');
    const own = page.selected ? definition.build(page.store) : null;
    const spec = own !== null && own.type === 'line' && page.compared.size > 0 ? overlay(definition, own) : own;
    if (spec === null) {
      page.charts.get(definition.id)?.destroy();
      page.charts.delete(definition.id);
      const absent = document.createElement('div');
      absent.className = 'absent';
      absent.textContent = page.selected === null ? 'Select or start a run.'
        : page.store.lastTick < 0 ? 'Waiting for the first tick…'
        : `This run has no ${definition.metrics.join(' / ')} rows (so far).`;
      body.replaceChildren(absent);
      card.dataset.points = '0';
      continue;
    }
    if (definition.matrix) {
      body.replaceChildren(matrixTable(spec));
      card.dataset.points = String(spec.trainers.length * spec.sources.length);
      continue;
    }
    card.dataset.points = String(spec.data.datasets.reduce((n, d) => n + d.data.filter(p => p !== null).length, 0));
    const chart = page.charts.get(definition.id);
    if (chart && chart.config.type === spec.type) {
      chart.data = spec.data;
      chart.options = spec.options;
      chart.update('none');
    } else {
      chart?.destroy();
      const box = document.createElement('div');
      box.className = 'canvas-box';
      const canvas = document.createElement('canvas');
      box.append(canvas);
      body.replaceChildren(box);
      page.charts.set(definition.id, new Chart(canvas, spec));
    }
  }
}

function matrixTable(spec) {
  const table = document.createElement('table');
  table.className = 'matrix';
  const head = table.createTHead().insertRow();
  head.append(Object.assign(document.createElement('th'), { textContent: `trainer \\ source (tick ${spec.tick})` }));
  for (const s of spec.sources) head.append(Object.assign(document.createElement('th'), { textContent: s }));
  const body = table.createTBody();
  for (const t of spec.trainers) {
    const row = body.insertRow();
    row.append(Object.assign(document.createElement('th'), { textContent: t }));
    for (const s of spec.sources) {
      const value = spec.value(t, s);
      const cell = row.insertCell();
      cell.textContent = `${(value * 100).toFixed(1)}%`;
      cell.style.backgroundColor = `rgba(47, 111, 223, ${Math.min(1, Math.max(0, value)) * 0.8})`;
      if (value > 0.55) cell.style.color = '#fff';
    }
  }
  return table;
}

// ---- controls ----
async function act(verb) {
  if (!page.selected) return;
  const result = await control(`api/runs/${encodeURIComponent(page.selected)}/${verb}`);
  showErrors($('control-errors'), result);
  if (result.ok) upsertRun(result.content);
}

async function fork(event) {
  event.preventDefault();
  const list = $('control-errors');
  let value;
  try {
    value = JSON.parse($('fork-value').value);
  } catch {
    return localError(list, 'The new value must be JSON: a number, true/false, or a string in quotes such as "accumulate".');
  }
  const result = await control(`api/runs/${encodeURIComponent(page.selected)}/fork`,
    { at: Number($('fork-at').value), set: [{ path: $('fork-path').value.trim(), value }] });
  showErrors(list, result);
  if (result.ok) {
    upsertRun(result.content);
    await select(result.content.id);
  }
}

// ---- connection ----
const hub = new signalR.HubConnectionBuilder()
  .withUrl('hubs/runs')
  .withAutomaticReconnect()
  .build();
hub.on('tick', onTick);
hub.on('status', summary => { upsertRun(summary); refreshCompared(summary); });
hub.onreconnecting(() => setConnection('reconnecting…', 'disconnected'));
hub.onreconnected(async () => {
  setConnection('live', 'connected');
  if (page.selected) {
    const id = page.selected;
    page.selected = null;
    await select(id);
  }
});
hub.onclose(() => setConnection('disconnected', 'disconnected'));

function setConnection(text, kind) {
  const pill = $('connection');
  pill.textContent = text;
  pill.className = `pill ${kind}`;
}

async function main() {
  readToken();
  renderCharts();
  $('start-form').addEventListener('submit', start);
  $('fork-form').addEventListener('submit', fork);
  $('pause-button').addEventListener('click', () => act('pause'));
  $('resume-button').addEventListener('click', () => act('resume'));
  $('stop-button').addEventListener('click', () => act('stop'));

  const info = await (await fetch('api/info')).json();
  if (info.orleansDashboard) {
    $('orleans-link').href = info.orleansDashboard.replace(/^\//, '');
    $('orleans-link').hidden = false;
  }
  await loadScenarios();
  await startSweeps();
  for (const run of await (await fetch('api/runs')).json()) page.runs.set(run.id, run);
  renderRuns();
  await hub.start();
  setConnection('live', 'connected');
  // Open on the run in progress, else the newest, unless one was chosen meanwhile.
  const runs = [...page.runs.values()];
  const first = runs.find(r => !finished(r.state)) ?? runs.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0];
  if (first && page.selected === null) await select(first.id);
}

// For tests and the curious: what each chart is drawing right now.
window.ecosystemDashboard = {
  selectedRun: () => page.selected,
  lastTick: () => page.store.lastTick,
  compared: () => [...page.compared.keys()],
  compare: (id, on = true) => setCompared(id, on),
  chartData: id => page.charts.get(id)?.data.datasets.map(d => ({ label: d.label, data: d.data })) ?? null,
  ...sweepHooks,
  ready: main().catch(e => { setConnection('error', 'disconnected'); localError($('start-errors'), String(e)); throw e; }),
};
