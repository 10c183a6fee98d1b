// quotewire inspect page: posts the pasted article to /v1/extract and marks
// every statement in the returned text. No framework, no build step.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $('input-form');
  const input = $('article-input');
  const titleInput = $('article-title');
  const button = $('extract-button');
  const sampleButton = $('sample-button');
  const statusLine = $('status');
  const result = $('result');
  const summary = $('summary');
  const speakerList = $('speakers');
  const showAll = $('show-all');
  const textBox = $('article-text');
  const tooltip = $('tooltip');

  // State of the article on show.
  let statements = []; // {event, speaker, segments: [elements]}
  let speakers = new Map(); // key -> {key, name, title, affiliation, count, bg, ink}
  let selected = null; // speaker key shown alone, or null
  let samples = null;
  let nextSample = 0;

  function setStatus(message, isError) {
    statusLine.textContent = message;
    statusLine.classList.toggle('error', Boolean(isError));
  }

  // A page's HTML rather than text: starts with a tag, or is mostly markup.
  function looksLikeHtml(text) {
    return /^<(!doctype|html|head|body|article|main|section|div|p|h[1-6]|header)\b/i.test(text)
      || (/^\s*</.test(text) && /<\/(p|div|article|body|html)>/i.test(text));
  }

  // The request body: a pasted JSON article (or the first line of JSON
  // lines) as it is, HTML as `html`, anything else as `text`.
  function articleFrom(raw, title) {
    const trimmed = raw.trim();
    if (trimmed.startsWith('{')) {
      const firstLine = trimmed.split('\n', 1)[0];
      for (const candidate of [trimmed, firstLine]) {
        try {
          const value = JSON.parse(candidate);
          if (value && typeof value === 'object' && !Array.isArray(value)) {
            if (title && !value.title) value.title = title;
            return value;
          }
        } catch (_) { /* not JSON: treat as text */ }
      }
    }
    const article = { id: 'inspect' };
    if (looksLikeHtml(trimmed)) article.html = raw; else article.text = raw;
    if (title) article.title = title;
    return article;
  }

  async function extract(event) {
    if (event) event.preventDefault();
    const raw = input.value;
    if (!raw.trim()) {
      setStatus('Paste or drop an article first.', true);
      input.focus();
      return;
    }
    const article = articleFrom(raw, titleInput.value.trim());
    button.disabled = true;
    setStatus('Finding statements…');
    try {
      const response = await fetch('/v1/extract', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(article),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        const error = body && body.error;
        let message = error ? `${error.kind}: ${error.message}` : `HTTP ${response.status}`;
        if ('html' in article && error && error.kind === 'missing_field') {
          message += ' (this server does not read HTML yet: paste the article\'s text instead)';
        }
        setStatus(message, true);
        return;
      }
      render(body);
      setStatus('');
    } catch (error) {
      setStatus(`Cannot reach the server: ${error.message}`, true);
    } finally {
      button.disabled = false;
    }
  }

  function speakerKey(event) {
    return event.speaker.name || '';
  }

  function colours(index, unresolved) {
    if (unresolved) return { bg: 'hsl(220 10% 88%)', ink: 'hsl(220 10% 35%)' };
    const hue = Math.round((index * 137.508 + 205) % 360);
    return { bg: `hsl(${hue} 85% 85%)`, ink: `hsl(${hue} 70% 30%)` };
  }

  function render(data) {
    const text = data.article.text;
    const events = data.events;
    hideTooltip();
    selected = null;

    // Code point offsets (on the wire) to UTF-16 indices (in JavaScript).
    const utf16 = [0];
    let u = 0;
    for (const ch of text) { u += ch.length; utf16.push(u); }
    const at = (cp) => utf16[Math.min(Math.max(cp, 0), utf16.length - 1)];

    speakers = new Map();
    statements = events.map((event) => {
      const key = speakerKey(event);
      let speaker = speakers.get(key);
      if (!speaker) {
        speaker = {
          key,
          name: event.speaker.name,
          title: null,
          affiliation: null,
          count: 0,
          ...colours(speakers.size, key === ''),
        };
        speakers.set(key, speaker);
      }
      speaker.count += 1;
      speaker.title = speaker.title || event.speaker.title;
      speaker.affiliation = speaker.affiliation || event.speaker.affiliation;
      return { event, speaker, segments: [] };
    });

    // Every span as a mark; the text is cut at every mark boundary.
    const marks = [];
    const addMark = (span, type, index) => {
      if (!span) return;
      const start = at(span.start);
      const end = at(span.end);
      if (end > start) marks.push({ start, end, type, index });
    };
    events.forEach((event, index) => {
      addMark(event.content, 'st', index);
      addMark(event.cue, 'cue', index);
      addMark(event.speaker.mention, 'mention', index);
    });
    const starts = new Map();
    const ends = new Map();
    const cuts = new Set([0, text.length]);
    marks.forEach((mark, k) => {
      cuts.add(mark.start);
      cuts.add(mark.end);
      if (!starts.has(mark.start)) starts.set(mark.start, []);
      starts.get(mark.start).push(k);
      if (!ends.has(mark.end)) ends.set(mark.end, []);
      ends.get(mark.end).push(k);
    });
    const points = [...cuts].sort((a, b) => a - b);
    const active = new Set();
    const fragment = document.createDocumentFragment();
    for (let j = 0; j + 1 < points.length; j += 1) {
      const from = points[j];
      const to = points[j + 1];
      (ends.get(from) || []).forEach((k) => active.delete(k));
      (starts.get(from) || []).forEach((k) => active.add(k));
      const piece = text.slice(from, to);
      if (active.size === 0) {
        fragment.append(piece);
        continue;
      }
      const lists = { st: [], cue: [], mention: [] };
      let inner = null; // the content mark that started last
      let opens = []; // statements whose content starts here
      for (const k of active) {
        const mark = marks[k];
        lists[mark.type].push(mark.index);
        if (mark.type === 'st') {
          if (!inner || mark.start > inner.start) inner = mark;
          if (mark.start === from) opens.push(mark.index);
        }
      }
      const seg = document.createElement('span');
      seg.className = 'seg';
      seg.textContent = piece;
      for (const type of ['st', 'cue', 'mention']) {
        if (lists[type].length) {
          seg.classList.add(type);
          seg.dataset[type === 'st' ? 'content' : type] = lists[type].join(' ');
        }
      }
      const main = inner ? inner.index : (lists.cue[0] ?? lists.mention[0]);
      const marker = lists.cue[0] ?? lists.mention[0] ?? main;
      seg.style.setProperty('--sp-bg', statements[main].speaker.bg);
      seg.style.setProperty('--sp-ink', statements[marker].speaker.ink);
      if (opens.length) {
        opens = opens.sort((a, b) => a - b);
        seg.tabIndex = 0;
        seg.dataset.opens = opens.join(' ');
        seg.setAttribute('aria-label', opens.map(describeShort).join('; '));
      }
      for (const index of new Set([...lists.st, ...lists.cue, ...lists.mention])) {
        statements[index].segments.push(seg);
      }
      fragment.append(seg);
    }
    textBox.replaceChildren(fragment);
    textBox.dataset.statements = String(events.length);

    renderSpeakers();
    const title = data.article.title ? `“${data.article.title}”: ` : '';
    const n = events.length;
    const s = speakers.size;
    summary.textContent = `${title}${n} statement${n === 1 ? '' : 's'} by ${s} speaker${s === 1 ? '' : 's'}.`;
    result.hidden = false;
  }

  function speakerLabel(speaker) {
    return speaker.name || 'Unresolved speaker';
  }

  function describeShort(index) {
    const event = statements[index].event;
    return `Statement ${index + 1}, ${event.kind}, by ${speakerLabel(statements[index].speaker)}`;
  }

  function renderSpeakers() {
    const items = [...speakers.values()].map((speaker) => {
      const item = document.createElement('li');
      const choose = document.createElement('button');
      choose.type = 'button';
      choose.className = 'speaker';
      choose.dataset.speaker = speaker.key;
      choose.setAttribute('aria-pressed', 'false');
      choose.style.setProperty('--sp-bg', speaker.bg);
      choose.style.setProperty('--sp-ink', speaker.ink);
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      const who = document.createElement('span');
      const name = document.createElement('span');
      name.className = speaker.name ? 'name' : 'name unresolved';
      name.textContent = speakerLabel(speaker);
      who.append(name);
      const meta = [speaker.title, speaker.affiliation].filter(Boolean).join(' · ');
      if (meta) {
        const line = document.createElement('span');
        line.className = 'meta';
        line.textContent = meta;
        who.append(line);
      }
      const count = document.createElement('span');
      count.className = 'count';
      count.dataset.count = String(speaker.count);
      count.textContent = `${speaker.count} statement${speaker.count === 1 ? '' : 's'}`;
      choose.append(swatch, who, count);
      choose.addEventListener('click', () => select(selected === speaker.key ? null : speaker.key));
      item.append(choose);
      return item;
    });
    speakerList.replaceChildren(...items);
    showAll.hidden = true;
  }

  // Shows only the statements of one speaker (null: everyone's).
  function select(key) {
    selected = key;
    for (const choose of speakerList.querySelectorAll('.speaker')) {
      choose.setAttribute('aria-pressed', String(choose.dataset.speaker === key));
    }
    const mine = (list) => key === null
      || (list || '').split(' ').some((i) => i !== '' && statements[Number(i)].speaker.key === key);
    for (const seg of textBox.querySelectorAll('.seg')) {
      const dim = !(mine(seg.dataset.content) || mine(seg.dataset.cue) || mine(seg.dataset.mention));
      seg.classList.toggle('dim', dim);
    }
    showAll.hidden = key === null;
    hideTooltip();
  }

  function statementsOf(seg) {
    const all = [seg.dataset.content, seg.dataset.cue, seg.dataset.mention]
      .filter(Boolean).join(' ').split(' ').map(Number);
    return [...new Set(all)].sort((a, b) => a - b);
  }

  function addRow(list, term, value) {
    if (value === null || value === undefined || value === '') return;
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }

  const resolvedBy = {
    name: 'the name itself',
    surname: 'surname',
    pronoun: 'pronoun',
    title: 'title or role',
    previous_statement: 'previous statement',
    none: 'not resolved',
  };

  function showTooltip(seg) {
    const indices = statementsOf(seg);
    if (!indices.length) return;
    textBox.querySelectorAll('.seg.active').forEach((s) => s.classList.remove('active'));
    const parts = indices.map((index) => {
      const { event, speaker } = statements[index];
      statements[index].segments.forEach((s) => s.classList.add('active'));
      const box = document.createElement('div');
      box.className = 'stmt';
      const head = document.createElement('strong');
      head.textContent = `Statement ${index + 1} of ${statements.length}`;
      const list = document.createElement('dl');
      const who = [speakerLabel(speaker), [event.speaker.title, event.speaker.affiliation].filter(Boolean).join(', ')]
        .filter(Boolean).join(' — ');
      addRow(list, 'Speaker', who);
      addRow(list, 'Kind', event.kind);
      addRow(list, 'Cue', event.cue ? `“${event.cue.text}”` : 'none');
      addRow(list, 'To', event.addressee);
      addRow(list, 'Confidence', event.confidence.toFixed(2));
      const mention = event.speaker.mention ? `“${event.speaker.mention.text}”, ` : '';
      addRow(list, 'Resolved', `${mention}by ${resolvedBy[event.speaker.resolved_by] || event.speaker.resolved_by}`);
      box.append(head, list);
      return box;
    });
    tooltip.replaceChildren(...parts);
    tooltip.hidden = false;
    const rect = seg.getBoundingClientRect();
    const width = tooltip.offsetWidth;
    const left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${rect.bottom + window.scrollY + 6}px`;
  }

  function hideTooltip() {
    tooltip.hidden = true;
    textBox.querySelectorAll('.seg.active').forEach((s) => s.classList.remove('active'));
  }

  textBox.addEventListener('mouseover', (event) => {
    const seg = event.target.closest('.seg');
    if (seg) showTooltip(seg);
  });
  textBox.addEventListener('mouseout', (event) => {
    const to = event.relatedTarget;
    if (!to || !to.closest || !to.closest('.seg')) hideTooltip();
  });
  textBox.addEventListener('focusin', (event) => {
    const seg = event.target.closest('.seg');
    if (seg) showTooltip(seg);
  });
  textBox.addEventListener('focusout', hideTooltip);
  textBox.addEventListener('click', (event) => {
    const seg = event.target.closest('.seg');
    if (seg) showTooltip(seg);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideTooltip();
  });
  // Placed for the old layout: hide rather than float off the page.
  window.addEventListener('resize', hideTooltip);

  showAll.addEventListener('click', () => select(null));
  form.addEventListener('submit', extract);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) extract(event);
  });

  // Drop a file (or dragged text) on the text box: load it and extract.
  input.addEventListener('dragover', (event) => {
    event.preventDefault();
    input.classList.add('dragging');
  });
  input.addEventListener('dragleave', () => input.classList.remove('dragging'));
  input.addEventListener('drop', async (event) => {
    event.preventDefault();
    input.classList.remove('dragging');
    const transfer = event.dataTransfer;
    const file = transfer.files && transfer.files[0];
    input.value = file ? await file.text() : transfer.getData('text/plain');
    extract();
  });

  sampleButton.addEventListener('click', async () => {
    try {
      if (!samples) {
        const response = await fetch('/v1/samples');
        samples = await response.json();
      }
      if (!samples.length) {
        setStatus('This server has no sample articles.', true);
        return;
      }
      const sample = samples[nextSample % samples.length];
      nextSample += 1;
      input.value = sample.text;
      titleInput.value = sample.title || '';
      extract();
    } catch (error) {
      setStatus(`Cannot load the samples: ${error.message}`, true);
    }
  });
})();
