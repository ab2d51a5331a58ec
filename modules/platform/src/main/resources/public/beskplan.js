// Keyboard and screen-reader users keep their place when htmx replaces part of a page (WCAG 2.4.3):
// when a swap took away the element that had the focus, focus goes to the error summary the swap brought, else to
// what the action was about. When the focus survived the swap (the person has moved on and is typing in another
// field while the answer came back, e.g. an amendment row's measure), it stays where it is: moving it then would send
// their next keystrokes into another field.
(function () {
  var last = null;
  document.addEventListener('htmx:beforeRequest', function (e) {
    var elt = e.detail.elt;
    last = elt ? { id: elt.id, value: elt.getAttribute('value') || '' } : null;
  });
  document.addEventListener('htmx:afterSettle', function () {
    var active = document.activeElement;
    if (active && active !== document.body && document.documentElement.contains(active)) { return; }
    var summary = document.getElementById('error-summary');
    if (summary) { summary.focus(); return; }
    if (!last) { return; }
    var target = null;
    var m = /^(up|down|remove|add):(.*?)(?:\[(\d+)\])?$/.exec(last.value);
    if (last.id) {
      target = document.getElementById(last.id);              // e.g. the target-kind select
    } else if (m && m[1] === 'add') {
      var fields = document.querySelectorAll('[name^="' + m[2] + '["]');
      target = fields.length ? fields[fields.length - 1] : null; // the new, empty entry
      if (target && target.tagName !== 'TEXTAREA' && target.tagName !== 'INPUT') { target = null; }
    } else if (m && (m[1] === 'up' || m[1] === 'down') && m[3] !== undefined) {
      var moved = Number(m[3]) + (m[1] === 'up' ? -1 : 1);
      target = document.querySelector('button[value="' + m[1] + ':' + m[2] + '[' + moved + ']"]:not([disabled])')
        || document.querySelector('button[value="remove:' + m[2] + '[' + moved + ']"]');
    }
    if (!target) { target = document.querySelector('#editor [role=status]'); if (target) { target.setAttribute('tabindex', '-1'); } }
    if (target) { target.focus(); }
  });
})();

// Forms (no build chain: plain JavaScript, served as a static file).
// 1. Every form that changes something gets a random submission id, so the server carries out a form sent twice
//    only once (platform RepeatedSubmissions); a second click while the first is on its way is not sent at all.
// 2. What is typed into a form is kept in this tab's sessionStorage when it is sent. If the session had run out,
//    the server sends the person to the login page and then back to the page; the fields are filled in again there.
//    sessionStorage (not the server) because the text then never leaves the browser without a session, and it
//    is gone when the tab is closed. File fields and the CSRF token are not kept.
// 3. Shortly before the idle time-out the page offers to stay logged in.
// 4. A refused form's error summary gets the focus when the page loads (WCAG 3.3.1, 2.4.3).
(function () {
  var SAVED = 'beskplan.unsent', RELOGIN = 'beskplan.relogin', SUBMISSION = '_submission';
  var NOT_KEPT = ['_csrf', SUBMISSION];

  function text(key) {
    var t = document.getElementById('idle-warning-texts');
    var el = t && t.content.querySelector('[data-key="' + key + '"]');
    return el ? el.textContent : '';
  }
  function isPost(form) { return (form.getAttribute('method') || '').toLowerCase() === 'post'; }
  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function giveSubmissionIds(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('form').forEach(function (form) {
      if (!isPost(form) || form.querySelector('input[name="' + SUBMISSION + '"]')) { return; }
      var input = document.createElement('input');
      input.type = 'hidden'; input.name = SUBMISSION; input.value = randomId();
      form.appendChild(input);
    });
  }
  function keep(form) {
    var key = form.getAttribute('data-form');
    if (!key || key === 'platform.login' || key === 'platform.logout') { return; }
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || NOT_KEPT.indexOf(el.name) >= 0 || el.type === 'file' || el.type === 'submit' || el.type === 'button') { return; }
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) { return; }
      fields.push([el.name, el.value]);
    });
    var same = document.querySelectorAll('form[data-form="' + key + '"]');
    var saved = { path: location.pathname + location.search, form: key, index: Array.prototype.indexOf.call(same, form), fields: fields };
    try { sessionStorage.setItem(SAVED, JSON.stringify(saved)); } catch (e) { /* storage full or off: nothing kept */ }
  }
  function restore(saved) {
    var form = document.querySelectorAll('form[data-form="' + saved.form + '"]')[saved.index];
    if (!form) { return; }
    var used = {};
    saved.fields.forEach(function (pair) {
      var candidates = Array.prototype.filter.call(form.elements, function (el) { return el.name === pair[0]; });
      if (candidates.length && (candidates[0].type === 'checkbox' || candidates[0].type === 'radio')) {
        candidates.forEach(function (el) { if (el.value === pair[1]) { el.checked = true; } });
        return;
      }
      var i = used[pair[0]] || 0;
      if (candidates[i]) { candidates[i].value = pair[1]; }
      used[pair[0]] = i + 1;
    });
    var note = document.createElement('p');
    note.className = 'notice'; note.id = 'restored-notice'; note.setAttribute('role', 'status'); note.tabIndex = -1;
    note.textContent = text('restored');
    form.parentNode.insertBefore(note, form);
    note.focus();
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || !isPost(form)) { return; }
    if (form.getAttribute('data-form') === 'platform.login') {
      if (sessionStorage.getItem(SAVED)) { sessionStorage.setItem(RELOGIN, '1'); }
      return;
    }
    if (form.dataset.sending === '1') {
      e.preventDefault();
      announce(text('alreadySent'));
      return;
    }
    form.dataset.sending = '1';
    keep(form);
  }, true);
  // htmx requests from inside a form (add, remove, refresh) are kept too: they may be the ones that meet the login.
  document.addEventListener('htmx:beforeRequest', function (e) {
    var form = e.detail.elt && e.detail.elt.closest ? e.detail.elt.closest('form') : null;
    if (form && isPost(form)) { keep(form); }
  });
  // Back from the browser's history (bfcache): the form may be sent again, deliberately.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-sending]').forEach(function (f) { delete f.dataset.sending; });
  });
  document.addEventListener('htmx:load', function (e) { giveSubmissionIds(e.detail.elt); });

  var live;
  function announce(message) {
    if (!live) {
      live = document.createElement('p');
      live.id = 'page-announcement'; live.className = 'notice'; live.setAttribute('role', 'status');
      var main = document.getElementById('main');
      (main || document.body).insertBefore(live, main ? main.firstChild : null);
    }
    live.textContent = message;
  }

  function idleWarning(seconds) {
    var warnAfter = Math.max(seconds - 180, seconds * 0.8) * 1000;
    var warnTimer, expireTimer, box;
    function arm() {
      clearTimeout(warnTimer); clearTimeout(expireTimer);
      warnTimer = setTimeout(warn, warnAfter);
    }
    function close() { if (box) { box.remove(); box = null; } }
    function expired() { close(); announce(text('expired')); }
    function warn() {
      close();
      box = document.createElement('div');
      box.id = 'idle-warning'; box.className = 'idle-warning';
      box.setAttribute('role', 'alertdialog');
      box.setAttribute('aria-labelledby', 'idle-warning-heading');
      box.setAttribute('aria-describedby', 'idle-warning-body');
      var h = document.createElement('h2'); h.id = 'idle-warning-heading'; h.textContent = text('heading');
      var p = document.createElement('p'); p.id = 'idle-warning-body'; p.textContent = text('body');
      var b = document.createElement('button'); b.type = 'button'; b.textContent = text('stay');
      b.addEventListener('click', function () {
        fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (r) { if (r.ok) { close(); announce(text('stayed')); arm(); } else { expired(); } })
          .catch(expired);
      });
      box.appendChild(h); box.appendChild(p); box.appendChild(b);
      document.body.appendChild(box);
      b.focus();
      expireTimer = setTimeout(expired, seconds * 1000 - warnAfter);
    }
    document.addEventListener('htmx:afterRequest', arm);
    arm();
    // Shows the warning now (what the timer does after a while), e.g. for a browser test.
    window.beskplanWarnIdle = warn;
  }

  function start() {
    giveSubmissionIds(document);
    if (location.pathname !== '/login') {
      var saved = null;
      try { saved = JSON.parse(sessionStorage.getItem(SAVED) || 'null'); } catch (e) { saved = null; }
      var relogin = sessionStorage.getItem(RELOGIN);
      sessionStorage.removeItem(SAVED); sessionStorage.removeItem(RELOGIN);
      if (saved && relogin && saved.path === location.pathname + location.search) { restore(saved); }
    }
    var summary = document.querySelector('#error-summary, #report-errors, #login-error');
    if (summary && !document.getElementById('restored-notice')) {
      if (!summary.hasAttribute('tabindex')) { summary.tabIndex = -1; }
      summary.focus();
    }
    var seconds = Number(document.body.getAttribute('data-session-idle-seconds') || 0);
    if (seconds > 0) { idleWarning(seconds); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
