// Keyboard and screen-reader users keep their place when htmx replaces part of a page (WCAG 2.4.3):
// after a swap, focus goes to the error summary if there is one, else to what the action was about.
(function () {
  var last = null;
  document.addEventListener('htmx:beforeRequest', function (e) {
    var elt = e.detail.elt;
    last = elt ? { id: elt.id, value: elt.getAttribute('value') || '' } : null;
  });
  document.addEventListener('htmx:afterSettle', function () {
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
