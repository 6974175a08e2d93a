// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  var exit = document.querySelector('a.exit');
  if (!exit) return;
  function leave(event) {
    if (event) event.preventDefault();
    // replace() keeps this site out of the Back button's history.
    window.location.replace(exit.href);
  }
  exit.addEventListener('click', leave);
  var lastEscape = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var now = Date.now();
    if (now - lastEscape < 800) leave();
    lastEscape = now;
  });
})();
