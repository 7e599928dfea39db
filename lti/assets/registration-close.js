// Dynamic Registration 1.0 §3.7: tell the platform the registration window may close.
(function () {
  'use strict';
  function close() {
    (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
  }
  document.getElementById('lti-close').addEventListener('click', close);
  close();
})();
