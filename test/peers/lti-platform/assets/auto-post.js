// Posts the platform's form at once (id_token to the tool's redirect_uri).
(function () {
  'use strict';
  var form = document.getElementById('auto-post');
  if (form) form.submit();
})();
