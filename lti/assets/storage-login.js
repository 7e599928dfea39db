// Login page of a cookie-less launch: keep state and nonce in platform storage, then continue
// to the platform's authorization endpoint (the state cookie is also set, as a fallback).
(function () {
  'use strict';
  var main = document.getElementById('lti-main');
  var data = main.dataset;
  var options = { origin: data.platformOrigin, frame: data.storageTarget };
  var storage = window.ccmrPlatformStorage;

  function proceed() {
    window.location.assign(data.authUrl);
  }
  document.getElementById('lti-continue').setAttribute('href', data.authUrl);
  Promise.all([
    storage.put(options, 'lti_state_' + data.state, data.state),
    storage.put(options, 'lti_nonce_' + data.nonce, data.nonce),
  ]).then(proceed, proceed);
})();
