// LTI client-side platform storage (1EdTech lti-cs-pm / lti-pm-s 0.1): store and read values
// in the platform's window by postMessage. Shared by the login and launch pages.
(function () {
  'use strict';
  var TIMEOUT_MS = 2000;

  function targetWindow(frameName) {
    var parent = window.parent !== window ? window.parent : window.opener;
    if (!parent) return null;
    if (!frameName || frameName === '_parent') return parent;
    try {
      return parent.frames[frameName] || parent;
    } catch (error) {
      return parent;
    }
  }

  // Sends one message and resolves with its response (same message_id, subject + ".response").
  // D2L still answers the pre-release "org.imsglobal.lti." subjects, so both are tried.
  function request(options, subject, fields) {
    return new Promise(function (resolve, reject) {
      var target = targetWindow(options.frame);
      if (!target) return reject(new Error('no platform window'));
      var messageId = 'ccmr-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
      var timer = setTimeout(function () {
        window.removeEventListener('message', onMessage);
        reject(new Error('platform storage did not answer'));
      }, TIMEOUT_MS);
      function onMessage(event) {
        var data = event.data || {};
        if (event.origin !== options.origin || data.message_id !== messageId) return;
        if (
          data.subject !== subject + '.response' &&
          data.subject !== 'org.imsglobal.' + subject + '.response'
        )
          return;
        clearTimeout(timer);
        window.removeEventListener('message', onMessage);
        if (data.error) reject(new Error(data.error.code || 'storage error'));
        else resolve(data);
      }
      window.addEventListener('message', onMessage);
      var message = Object.assign({ subject: subject, message_id: messageId }, fields);
      target.postMessage(message, options.origin);
    });
  }

  window.ccmrPlatformStorage = {
    put: function (options, key, value) {
      return request(options, 'lti.put_data', { key: key, value: value });
    },
    get: function (options, key) {
      return request(options, 'lti.get_data', { key: key }).then(function (data) {
        return data.value;
      });
    },
  };
})();
