// Submits the deep-linking return form at once (an external file: the CSP forbids inline script).
(function () {
  'use strict';
  var form = document.getElementById('lti-auto-submit');
  if (form) form.submit();
})();
