// Language switching: the page is complete without this script; it only hides
// the languages the reader did not choose, and remembers the choice.
(function () {
  'use strict';
  var storageKey = 'polyref-lang';
  var root = document.documentElement;
  var switchers = document.querySelectorAll('[data-language-switcher]');
  var labels = {};
  var order = [];
  if (switchers[0]) {
    Array.prototype.forEach.call(switchers[0].options, function (option) {
      labels[option.value] = option.textContent;
      order.push(option.value);
    });
  }

  function stored() {
    try { return localStorage.getItem(storageKey); } catch (error) { return null; }
  }
  function store(language) {
    try { localStorage.setItem(storageKey, language); } catch (error) { /* private mode */ }
  }
  function fromQuery() {
    var match = /[?&]lang=([^&#]+)/.exec(location.search);
    return match ? decodeURIComponent(match[1]) : null;
  }
  function known(language) {
    return language && Object.prototype.hasOwnProperty.call(labels, language) ? language : null;
  }

  function apply(language) {
    root.setAttribute('data-lang', language);
    Array.prototype.forEach.call(switchers, function (select) { select.value = language; });
    Array.prototype.forEach.call(document.querySelectorAll('.code-block'), function (block) {
      var panels = block.querySelectorAll(':scope > .lang-panel');
      if (panels.length === 0) return;
      var chosen = null;
      var fallback = null;
      Array.prototype.forEach.call(panels, function (panel) {
        if (panel.getAttribute('data-lang') === language) chosen = panel;
      });
      if (!chosen) {
        var preferred = [root.getAttribute('data-default-lang')].concat(order);
        for (var index = 0; index < preferred.length && !fallback; index++) {
          fallback = block.querySelector(':scope > .lang-panel[data-lang="' + preferred[index] + '"]');
        }
        chosen = fallback || panels[0];
      }
      Array.prototype.forEach.call(panels, function (panel) {
        panel.hidden = panel !== chosen;
        if (panel === chosen) panel.open = true;
      });
      var notice = block.querySelector(':scope > .lang-notice');
      if (chosen.getAttribute('data-lang') !== language) {
        if (!notice) {
          notice = document.createElement('p');
          notice.className = 'lang-notice';
          notice.setAttribute('role', 'status');
          block.insertBefore(notice, chosen);
        }
        notice.textContent = 'Not available for ' + labels[language] + '; showing ' + labels[chosen.getAttribute('data-lang')] + '.';
      } else if (notice) {
        notice.remove();
      }
    });
  }

  function select(language, updateUrl) {
    apply(language);
    store(language);
    if (updateUrl && window.history && history.replaceState) {
      var url = new URL(location.href);
      url.searchParams.set('lang', language);
      history.replaceState(history.state, '', url);
    }
  }

  var initial = known(fromQuery()) || known(stored()) || root.getAttribute('data-default-lang') || order[0];
  if (initial) {
    apply(initial);
    if (known(fromQuery())) store(initial);
  }
  Array.prototype.forEach.call(switchers, function (switcher) {
    switcher.addEventListener('change', function () { select(switcher.value, true); });
  });
})();
