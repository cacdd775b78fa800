// polyref search: imported by polyref.js the first time a reader searches.
// The index (search-index.json) is fetched then too, never with the page.
import MiniSearch from './minisearch.js';

const kinds = { page: 'Page', heading: 'Section', entry: 'Reference', property: 'Property' };
const maxResults = 20;

/** Identifiers stay whole (`directory_id`) and also split into their words (`directory`, `id`, `Directory`, `ID`). */
const words = (text) => text.split(/[^\p{L}\p{N}_$]+/u).filter(Boolean);
const tokenize = (text) => {
  const tokens = [];
  for (const word of words(text)) {
    tokens.push(word);
    const parts = word.split(/_+|(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u).filter(Boolean);
    if (parts.length > 1) tokens.push(...parts);
  }
  return tokens;
};

let ui = null;

export function open(options) {
  if (!ui) ui = build();
  ui.options = options;
  if (!ui.dialog.open) {
    ui.returnFocus = document.activeElement;
    ui.dialog.showModal();
  }
  ui.input.focus();
  if (options.typed) {
    // Typed while this script loaded: the query goes on from there.
    ui.input.value = options.typed;
    ui.input.setSelectionRange(options.typed.length, options.typed.length);
  } else {
    ui.input.select();
  }
  if (!ui.loading) ui.loading = load(ui);
  ui.loading.then(() => render(ui));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function build() {
  const dialog = element('dialog', 'search-dialog');
  dialog.setAttribute('aria-label', 'Search the reference');
  const field = element('div', 'search-field');
  const icon = element('span', 'icon-search');
  icon.setAttribute('aria-hidden', 'true');
  const input = element('input');
  Object.assign(input, { type: 'search', placeholder: 'Search pages, objects and properties', autocomplete: 'off', spellcheck: false });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-label', 'Search');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'search-results');
  const close = element('button', 'search-close', 'Esc');
  close.type = 'button';
  close.setAttribute('aria-label', 'Esc: close search');
  field.append(icon, input, close);
  const status = element('p', 'search-status');
  status.setAttribute('role', 'status');
  const list = element('ul', 'search-results');
  list.id = 'search-results';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Results');
  dialog.append(field, status, list);
  document.body.appendChild(dialog);

  const state = { dialog, input, list, status, index: null, documents: [], results: [], active: -1, options: null, loading: null, returnFocus: null };
  input.addEventListener('input', () => render(state));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (state.results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      activate(state, (state.active + step + state.results.length) % state.results.length);
    } else if (event.key === 'Escape') {
      // A search field would only clear itself: Escape closes the dialog, as everywhere else in it.
      event.preventDefault();
      dialog.close();
    } else if (event.key === 'Enter' && state.active >= 0) {
      event.preventDefault();
      go(state, state.results[state.active]);
    }
  });
  list.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) go(state, state.results[Number(option.getAttribute('data-position'))]);
  });
  list.addEventListener('mousemove', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) activate(state, Number(option.getAttribute('data-position')), false);
  });
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the dialog itself.
  dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => {
    if (state.returnFocus && state.returnFocus.focus) state.returnFocus.focus();
  });
  return state;
}

async function load(state) {
  state.status.textContent = 'Loading the search index…';
  try {
    const response = await fetch(state.options.index);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const file = await response.json();
    state.documents = file.documents;
    state.index = new MiniSearch({
      fields: ['title', 'names', 'anchor', 'text', 'page'],
      extractField: (result, field) => {
        if (field === 'names') return Object.values(result.names).join(' ');
        if (field === 'anchor') return result.href.includes('#') ? result.href.slice(result.href.indexOf('#') + 1) : '';
        return result[field];
      },
      tokenize,
      searchOptions: {
        boost: { title: 3, names: 3, anchor: 1.5, text: 1, page: 0.5 },
        prefix: true,
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        combineWith: 'AND',
        tokenize: words,
      },
    });
    state.index.addAll(state.documents);
    state.status.textContent = '';
  } catch (error) {
    state.status.textContent = `Search is unavailable: ${error.message}`;
  }
}

function render(state) {
  const query = state.input.value.trim();
  state.list.textContent = '';
  state.results = [];
  state.active = -1;
  state.input.removeAttribute('aria-activedescendant');
  if (!state.index) return;
  if (!query) {
    state.status.textContent = '';
    state.input.setAttribute('aria-expanded', 'false');
    return;
  }
  state.results = state.index.search(query).slice(0, maxResults).map((found) => state.documents[found.id]);
  state.status.textContent = state.results.length === 0 ? `No results for “${query}”` : `${state.results.length} result${state.results.length === 1 ? '' : 's'}`;
  state.input.setAttribute('aria-expanded', String(state.results.length > 0));
  const language = state.options.language();
  state.results.forEach((result, position) => state.list.appendChild(option(result, position, language, state.options.labels)));
  if (state.results.length > 0) activate(state, 0, false);
}

function option(result, position, language, labels) {
  const item = element('li');
  item.id = `search-result-${position}`;
  item.setAttribute('role', 'option');
  item.setAttribute('aria-selected', 'false');
  item.setAttribute('data-position', String(position));
  item.setAttribute('data-href', result.href);
  const title = element('span', 'search-result-title');
  const symbol = result.kind === 'entry' || result.kind === 'property';
  // The name as the reader's language spells it, else the name it has elsewhere and where.
  const name = result.names[language] || result.title;
  const other = symbol && !result.names[language] ? Object.keys(result.names)[0] : null;
  title.appendChild(element(symbol ? 'code' : 'span', '', name));
  if (other) title.appendChild(element('span', 'search-result-page', `(${labels.get(other) || other})`));
  title.appendChild(element('span', 'search-result-kind', kinds[result.kind] || result.kind));
  item.appendChild(title);
  if (result.kind !== 'page') item.appendChild(element('span', 'search-result-page', result.page));
  if (result.text) item.appendChild(element('span', 'search-result-text', result.text));
  return item;
}

function activate(state, position, scroll = true) {
  const previous = state.list.children[state.active];
  if (previous) previous.setAttribute('aria-selected', 'false');
  state.active = position;
  const current = state.list.children[position];
  if (!current) return;
  current.setAttribute('aria-selected', 'true');
  state.input.setAttribute('aria-activedescendant', current.id);
  if (scroll) current.scrollIntoView({ block: 'nearest' });
}

function go(state, result) {
  if (!result) return;
  state.dialog.close();
  const target = new URL(result.href, location.href);
  if (target.pathname === location.pathname && target.hash) {
    // Same page: keep the query (`?lang=`), move to the row.
    if (location.hash === target.hash) dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = target.hash;
  } else {
    location.href = target.href;
  }
}
