/**
 * The script `polyref dev` adds to every page it serves (never to a build):
 * it listens to the server's events, reloads the page when its output
 * changed, keeping the scroll position (the language choice is kept by the
 * site's own script), and shows the problems of a failed rebuild over the
 * page until they are fixed. Diagnostics are set as text, never as HTML.
 */
export const clientPath = '/__polyref/client.js';
export const eventsPath = '/__polyref/events';

export const clientScript = `// polyref dev: live reload and problems overlay.
(function () {
  'use strict';
  var script = document.currentScript;
  var basePath = (script && script.getAttribute('data-base-path')) || '/';
  var scrollKey = 'polyref-dev-scroll:' + location.pathname + location.search;

  function currentUrl() {
    var path = location.pathname;
    if (basePath !== '/' && path.indexOf(basePath) === 0) path = '/' + path.slice(basePath.length);
    path = path.replace(/\\/index\\.html$/, '/').replace(/\\.html$/, '');
    if (path.length > 1) path = path.replace(/\\/+$/, '');
    return path || '/';
  }

  function restoreScroll() {
    var saved = null;
    try { saved = sessionStorage.getItem(scrollKey); sessionStorage.removeItem(scrollKey); } catch (error) { /* storage off */ }
    if (saved === null) return;
    var position = JSON.parse(saved);
    window.scrollTo(position.x, position.y);
  }

  function reload() {
    try { sessionStorage.setItem(scrollKey, JSON.stringify({ x: window.scrollX, y: window.scrollY })); } catch (error) { /* storage off */ }
    location.reload();
  }

  var overlay = null;
  function showProblems(status) {
    hideProblems();
    overlay = document.createElement('div');
    overlay.id = 'polyref-dev-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;' +
      'background:rgba(20,20,24,0.94);color:#f5f5f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;';
    var title = document.createElement('h2');
    title.style.cssText = 'margin:0 0 1rem;font-size:1.1rem;color:#ff8a80;';
    title.textContent = 'polyref: the last change has problems; the page shows the last good build';
    overlay.appendChild(title);
    var list = document.createElement('ul');
    list.style.cssText = 'list-style:none;margin:0;padding:0;';
    var problems = status.problems || [];
    for (var index = 0; index < problems.length; index++) {
      var problem = problems[index];
      var item = document.createElement('li');
      item.style.cssText = 'margin:0 0 0.75rem;white-space:pre-wrap;';
      var where = document.createElement('strong');
      where.textContent = problem.file + (problem.line ? ':' + problem.line + ':' + problem.column : '');
      var rule = document.createElement('span');
      rule.style.cssText = 'color:#ffcc80;margin-left:0.75rem;';
      rule.textContent = problem.severity + (problem.ruleId ? '  ' + problem.ruleId : '');
      var message = document.createElement('div');
      message.textContent = problem.message;
      item.appendChild(where);
      item.appendChild(rule);
      item.appendChild(message);
      list.appendChild(item);
    }
    overlay.appendChild(list);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide';
    close.style.cssText = 'margin-top:1rem;font:inherit;padding:0.25rem 0.75rem;';
    close.addEventListener('click', hideProblems);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }
  function hideProblems() {
    if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
    overlay = null;
  }

  restoreScroll();
  if (typeof EventSource !== 'function') return;
  var events = new EventSource(${JSON.stringify(eventsPath)});
  events.addEventListener('status', function (event) {
    var status = JSON.parse(event.data);
    if (status.ok) hideProblems();
    else showProblems(status);
  });
  events.addEventListener('reload', function (event) {
    var changed = JSON.parse(event.data).urls;
    var url = currentUrl();
    if (changed.indexOf('*') !== -1 || changed.indexOf(url) !== -1) reload();
  });
  window.addEventListener('beforeunload', function () { events.close(); });
})();
`;
