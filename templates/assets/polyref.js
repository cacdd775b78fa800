// polyref: the page is complete without this script. It turns each CodeBlock's
// language panels into tabs that follow one language choice, remembers that
// choice, follows deep links into the right language, and adds copy buttons,
// "expand all", the theme toggle, the mobile menu and the search shortcut.
(() => {
  'use strict';
  const root = document.documentElement;
  const script = document.currentScript;
  const languageKey = 'polyref-lang';
  const themeKey = 'polyref-theme';
  const switchers = [...document.querySelectorAll('[data-language-switcher]')];
  const labels = new Map();
  for (const option of switchers[0] ? switchers[0].options : []) labels.set(option.value, option.textContent);
  const order = [...labels.keys()];
  const defaultLanguage = root.getAttribute('data-default-lang') || order[0];

  const read = (key) => {
    try { return localStorage.getItem(key); } catch (error) { return null; }
  };
  const write = (key, value) => {
    try { localStorage.setItem(key, value); } catch (error) { /* storage blocked: the choice lasts this page */ }
  };
  const known = (language) => (language && labels.has(language) ? language : null);
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };

  // A status line that screen readers announce: "Copied", "Showing Python".
  const status = element('p', 'visually-hidden');
  status.setAttribute('role', 'status');
  document.body.appendChild(status);
  const announce = (message) => {
    status.textContent = '';
    setTimeout(() => { status.textContent = message; }, 50);
  };

  // ---- Language tabs ------------------------------------------------------
  const blocks = [];

  /** The language a block shows when it lacks the chosen one: the default, else the nearest in display order. */
  const closest = (language, available) => {
    if (available.includes(defaultLanguage)) return defaultLanguage;
    const position = order.indexOf(language);
    return available.slice().sort((a, b) => Math.abs(order.indexOf(a) - position) - Math.abs(order.indexOf(b) - position) || order.indexOf(a) - order.indexOf(b))[0];
  };

  const buildTabs = (container, number) => {
    const details = [...container.querySelectorAll(':scope > details.lang-panel')];
    if (details.length === 0) return;
    const tablist = element('div', 'lang-tabs');
    tablist.setAttribute('role', 'tablist');
    const title = container.querySelector(':scope > .code-block-title');
    tablist.setAttribute('aria-label', title ? `${title.textContent}: language` : 'Language');
    const notice = element('p', 'lang-notice');
    const block = { container, tabs: [], panels: [], notice };
    details.forEach((source, index) => {
      const language = source.getAttribute('data-lang');
      const panel = element('div', 'lang-panel');
      panel.id = source.id || `code-block-${number}-${language}`;
      panel.setAttribute('data-lang', language);
      panel.setAttribute('role', 'tabpanel');
      for (const child of [...source.childNodes]) if (child.nodeName !== 'SUMMARY') panel.appendChild(child);
      source.replaceWith(panel);
      const tab = element('button', 'lang-tab', labels.get(language) || source.getAttribute('data-label') || language);
      tab.type = 'button';
      tab.id = `${panel.id}-tab`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', panel.id);
      tab.setAttribute('data-lang', language);
      panel.setAttribute('aria-labelledby', tab.id);
      tab.addEventListener('click', () => choose(language, tab));
      tab.addEventListener('keydown', (event) => {
        const last = block.tabs.length - 1;
        const moves = { ArrowRight: index + 1 > last ? 0 : index + 1, ArrowLeft: index - 1 < 0 ? last : index - 1, Home: 0, End: last };
        if (!(event.key in moves)) return;
        event.preventDefault();
        const next = block.tabs[moves[event.key]];
        choose(next.getAttribute('data-lang'), next);
      });
      tablist.appendChild(tab);
      block.tabs.push(tab);
      block.panels.push(panel);
    });
    container.insertBefore(tablist, block.panels[0]);
    container.insertBefore(notice, block.panels[0]);
    blocks.push(block);
  };

  /** Shows `language` in every block (or the closest one a block has) and in the header selector. */
  const apply = (language) => {
    root.setAttribute('data-lang', language);
    for (const select of switchers) select.value = language;
    for (const block of blocks) {
      const available = block.panels.map((panel) => panel.getAttribute('data-lang'));
      const shown = available.includes(language) ? language : closest(language, available);
      block.panels.forEach((panel, index) => {
        const selected = available[index] === shown;
        panel.hidden = !selected;
        block.tabs[index].setAttribute('aria-selected', String(selected));
        block.tabs[index].tabIndex = selected ? 0 : -1;
      });
      block.notice.textContent = shown === language ? '' : `Not available for ${labels.get(language) || language}; showing ${labels.get(shown) || shown}.`;
      revealTab(block.tabs[available.indexOf(shown)]);
    }
  };

  /** On a narrow screen the tab list scrolls sideways: keep the selected tab in sight, without moving the page. */
  const revealTab = (tab) => {
    const list = tab.parentElement;
    const tabBox = tab.getBoundingClientRect();
    const listBox = list.getBoundingClientRect();
    if (tabBox.left < listBox.left) list.scrollLeft -= listBox.left - tabBox.left + 16;
    else if (tabBox.right > listBox.right) list.scrollLeft += tabBox.right - listBox.right + 16;
  };

  /** A reader's choice: shown everywhere, remembered, and put in the address for sharing. */
  const choose = (language, focusTab) => {
    apply(language);
    write(languageKey, language);
    try {
      const url = new URL(location.href);
      url.searchParams.set('lang', language);
      history.replaceState(history.state, '', url);
    } catch (error) { /* a file: URL or a sandbox: the choice still applies */ }
    if (focusTab) focusTab.focus();
    announce(`Showing ${labels.get(language) || language}`);
  };

  document.querySelectorAll('.code-block').forEach(buildTabs);
  const fromQuery = known(new URLSearchParams(location.search).get('lang'));
  if (fromQuery) write(languageKey, fromQuery);
  apply(fromQuery || known(read(languageKey)) || defaultLanguage);
  for (const select of switchers) select.addEventListener('change', () => choose(select.value, null));

  // ---- Deep links ---------------------------------------------------------
  /**
   * `#directory_user.emails.primary` names a row in every language: go to the
   * one of the language shown, or switch to a language that has it; open the
   * rows around it and bring it into view.
   */
  const follow = (hash) => {
    let name;
    try { name = decodeURIComponent(hash.replace(/^#/, '')); } catch (error) { return; }
    if (!name) return;
    const byId = document.getElementById(name);
    const rows = [...document.querySelectorAll(`[data-anchor="${CSS.escape(name)}"]`)];
    let target = rows.find((row) => !row.closest('.lang-panel[hidden]')) || rows[0] || byId;
    // `anchor-2` and the like name one language's row on purpose.
    if (byId && byId.hasAttribute('data-anchor') && byId.getAttribute('data-anchor') !== name) target = byId;
    if (!target) return;
    const panel = target.closest('.lang-panel[hidden]');
    if (panel) apply(panel.getAttribute('data-lang'));
    for (let node = target.parentElement; node; node = node.parentElement) if (node.tagName === 'DETAILS') node.open = true;
    target.scrollIntoView({ block: 'start' });
    target.classList.remove('is-target');
    void target.offsetWidth;
    target.classList.add('is-target');
  };
  if (location.hash) follow(location.hash);
  addEventListener('hashchange', () => follow(location.hash));

  // ---- Reference tables: expand all ---------------------------------------
  for (const table of document.querySelectorAll('.property-table')) {
    const rows = table.querySelectorAll('details.children');
    const title = table.querySelector(':scope > .property-table-title');
    if (rows.length === 0 || !title) continue;
    const header = element('div', 'property-table-header');
    title.replaceWith(header);
    header.appendChild(title);
    const button = element('button', 'expand-all');
    button.type = 'button';
    const label = () => { button.textContent = [...rows].every((row) => row.open) ? 'Collapse all' : 'Expand all'; };
    button.addEventListener('click', () => {
      const open = ![...rows].every((row) => row.open);
      for (const row of rows) row.open = open;
      label();
    });
    for (const row of rows) row.addEventListener('toggle', label);
    label();
    header.appendChild(button);
  }

  // ---- Copy buttons -------------------------------------------------------
  const copy = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      const area = element('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      const copied = document.execCommand('copy');
      area.remove();
      return copied;
    }
  };
  for (const pre of document.querySelectorAll('figure > pre')) {
    const button = element('button', 'copy-button', 'Copy');
    button.type = 'button';
    const caption = pre.parentElement.querySelector(':scope > figcaption');
    button.setAttribute('aria-label', caption ? `Copy ${caption.textContent}` : 'Copy code');
    button.addEventListener('click', async () => {
      const copied = await copy(pre.textContent);
      button.textContent = copied ? 'Copied' : 'Press Ctrl+C';
      if (copied) button.setAttribute('data-copied', '');
      announce(copied ? 'Copied to the clipboard' : 'Copy failed');
      setTimeout(() => { button.textContent = 'Copy'; button.removeAttribute('data-copied'); }, 2000);
    });
    pre.before(button);
  }

  // ---- Sidebar sections and the mobile menu --------------------------------
  // A page lists the sections on the way to itself; the others come folded and
  // empty (`data-nav-children`), their links kept once for the whole site in the
  // file the sidebar names, fetched the first time any of them is unfolded.
  const sidebar = document.querySelector('.sidebar');
  let sections = null;
  const loadSections = () => {
    sections = sections || fetch(sidebar.getAttribute('data-nav-file'))
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.url}`);
        return response.json();
      })
      .then((file) => new Map(file.sections.map((section) => [section.id, section.html])));
    // A failed fetch is tried again at the next unfolding.
    sections.catch(() => { sections = null; });
    return sections;
  };
  const fillSection = async (group) => {
    const html = (await loadSections()).get(group.getAttribute('data-nav-children'));
    if (html === undefined) throw new Error('The navigation file lacks this section');
    const holder = element('template');
    holder.innerHTML = html;
    const list = holder.content.querySelector('ul');
    if (!list) throw new Error('The navigation file lists no links for this section');
    group.appendChild(list);
    for (const inner of list.querySelectorAll('.nav-group')) addToggle(inner);
  };
  const addToggle = (group) => {
    const link = group.querySelector(':scope > a');
    if (!link || !(group.querySelector(':scope > ul') || group.hasAttribute('data-nav-children'))) return;
    const row = element('div', 'nav-row');
    const toggle = element('button', 'nav-toggle');
    toggle.type = 'button';
    toggle.appendChild(element('span', 'visually-hidden', `${link.textContent} pages`));
    const sync = () => toggle.setAttribute('aria-expanded', String(!group.classList.contains('collapsed')));
    toggle.addEventListener('click', async () => {
      if (!group.querySelector(':scope > ul')) {
        if (toggle.hasAttribute('aria-busy')) return;
        toggle.setAttribute('aria-busy', 'true');
        try {
          await fillSection(group);
        } catch (error) {
          // Without its links here, the section's own page lists them.
          location.assign(link.href);
          return;
        } finally {
          toggle.removeAttribute('aria-busy');
        }
      }
      group.classList.toggle('collapsed');
      sync();
    });
    sync();
    link.replaceWith(row);
    row.append(link, toggle);
  };
  for (const group of document.querySelectorAll('.sidebar .nav-group')) addToggle(group);
  const menu = document.querySelector('.menu-button');
  const setMenu = (open) => {
    root.classList.toggle('nav-open', open);
    if (menu) menu.setAttribute('aria-expanded', String(open));
  };
  if (menu) menu.addEventListener('click', () => setMenu(!root.classList.contains('nav-open')));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && root.classList.contains('nav-open')) {
      setMenu(false);
      if (menu) menu.focus();
    }
  });
  const current = document.querySelector('.sidebar [aria-current="page"]');
  if (current && current.scrollIntoView) current.scrollIntoView({ block: 'nearest' });

  // ---- Theme --------------------------------------------------------------
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const toggle = document.querySelector('.theme-toggle');
  const isDark = () => (root.getAttribute('data-theme') || (dark.matches ? 'dark' : 'light')) === 'dark';
  const syncTheme = () => { if (toggle) toggle.setAttribute('aria-pressed', String(isDark())); };
  if (toggle) {
    toggle.addEventListener('click', () => {
      const theme = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', theme);
      write(themeKey, theme);
      syncTheme();
    });
  }
  dark.addEventListener('change', syncTheme);
  syncTheme();

  // ---- Print: everything unfolded -------------------------------------------
  let folded = [];
  addEventListener('beforeprint', () => {
    folded = [...document.querySelectorAll('details:not([open])')];
    for (const details of folded) details.open = true;
  });
  addEventListener('afterprint', () => {
    for (const details of folded) details.open = false;
    folded = [];
  });

  // ---- Search: loaded on first use ---------------------------------------------
  let search = null;
  // What the reader types while the search script loads, before its field exists: the start of the query.
  let typedAhead = null;
  const openSearch = () => {
    if (!script) return;
    if (!search) typedAhead = '';
    search = search || import(script.getAttribute('data-search-script'));
    search.then((module) => {
      const typed = typedAhead || '';
      typedAhead = null;
      module.open({
        index: script.getAttribute('data-search-index'),
        language: () => root.getAttribute('data-lang') || defaultLanguage,
        labels,
        typed,
      });
    }, () => {
      // Not loaded (offline): keys are the page's again, and the next try loads afresh.
      typedAhead = null;
      search = null;
    });
  };
  for (const button of document.querySelectorAll('.search-button, [data-open-search]')) button.addEventListener('click', openSearch);
  document.addEventListener('keydown', (event) => {
    if (typedAhead !== null && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing) {
      if (event.key.length === 1 || event.key === 'Backspace') {
        event.preventDefault();
        typedAhead = event.key === 'Backspace' ? typedAhead.slice(0, -1) : typedAhead + event.key;
        return;
      }
    }
    const typing = event.target.closest && event.target.closest('input, textarea, select, [contenteditable]');
    if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey)) {
      event.preventDefault();
      openSearch();
    }
  });
})();
