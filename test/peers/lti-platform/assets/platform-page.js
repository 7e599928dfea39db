// The in-repo platform's course page: frames the tool and answers LTI platform storage
// messages (lti.capabilities, lti.put_data, lti.get_data) for it, keyed by the tool's origin.
(function () {
  'use strict';
  var store = {};
  window.addEventListener('message', function (event) {
    var data = event.data || {};
    if (typeof data.subject !== 'string' || !event.source) return;
    var reply = { subject: data.subject + '.response', message_id: data.message_id };
    if (data.subject === 'lti.capabilities') {
      reply.supported_messages = [{ subject: 'lti.put_data' }, { subject: 'lti.get_data' }];
    } else if (data.subject === 'lti.put_data') {
      store[event.origin + '|' + data.key] = data.value;
      reply.key = data.key;
      reply.value = data.value;
    } else if (data.subject === 'lti.get_data') {
      reply.key = data.key;
      reply.value = store[event.origin + '|' + data.key];
      if (reply.value === undefined) reply.error = { code: 'bad_request', message: 'no such key' };
    } else {
      return;
    }
    event.source.postMessage(reply, event.origin);
  });
  var frame = document.getElementById('tool-frame');
  if (frame) frame.setAttribute('src', frame.dataset.src);
})();
