// Progressive enhancement of the Safe Places finder: "Use my location" fills in the coordinates and sends the
// same GET form. Without this file, or without permission, people type a ZIP code or a city instead.
(function () {
  'use strict';
  var form = document.querySelector('form.finder-locate');
  if (!form || !navigator.geolocation) return;
  var status = form.querySelector('.locate-status');
  var button = form.querySelector('button');
  form.hidden = false;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    status.textContent = form.getAttribute('data-locating');
    navigator.geolocation.getCurrentPosition(
      function (position) {
        // Three decimals (about 100 m) are plenty to rank nearby places.
        form.elements.lat.value = position.coords.latitude.toFixed(3);
        form.elements.lng.value = position.coords.longitude.toFixed(3);
        form.submit();
      },
      function () {
        button.removeAttribute('aria-disabled');
        status.textContent = form.getAttribute('data-failed');
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  });
})();
