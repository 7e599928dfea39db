// Launch page of a cookie-less launch: read state and nonce back from platform storage and send
// them to the tool, which then trusts that this browser started the login.
(function () {
  'use strict';
  var main = document.getElementById('lti-main');
  var data = main.dataset;
  var options = { origin: data.platformOrigin, frame: data.storageTarget };
  var storage = window.ccmrPlatformStorage;
  var form = document.getElementById('lti-resume');

  Promise.all([
    storage.get(options, 'lti_state_' + data.state),
    storage.get(options, 'lti_nonce_' + data.nonce),
  ]).then(
    function (values) {
      form.elements.state.value = data.state;
      form.elements.stored_state.value = values[0] || '';
      form.elements.stored_nonce.value = values[1] || '';
      form.submit();
    },
    function () {
      form.elements.state.value = data.state;
      form.submit();
    },
  );
})();
