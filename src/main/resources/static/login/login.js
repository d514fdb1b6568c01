// The staff's login: logs in to the Camunda webapps' session (Tasklist, Cockpit, Admin), which our pages and the
// API's reads share, then goes on to the page the person was on the way to (?next=, only a path of this site).
(function () {
  const $ = (id) => document.getElementById(id);
  const LOGIN = '/camunda/api/admin/auth/user/default/login/welcome';
  const next = (() => {
    const asked = new URLSearchParams(location.search).get('next') || '/';
    return /^\/(?![/\\])/.test(asked) ? asked : '/';
  })();
  const cookie = (name) => (document.cookie.split('; ').find((c) => c.startsWith(name + '=')) || '').slice(name.length + 1);

  // already logged in (another tab, Tasklist): straight on
  fetch(location.origin + '/api/public/staff-badge', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then((r) => r.json()).then((b) => { if (b.loggedIn) location.replace(next); }).catch(() => {});

  function show(text) {
    $('message').textContent = text;
    $('message').hidden = false;
  }

  /** Camunda's login asks for its CSRF token, which any read under /camunda/api hands out. */
  async function csrfToken() {
    const r = await fetch(location.origin + '/camunda/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    return r.headers.get('X-XSRF-TOKEN') || cookie('XSRF-TOKEN');
  }

  $('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('message').hidden = true;
    $('submit').disabled = true;
    try {
      const r = await fetch(location.origin + LOGIN, {method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'X-XSRF-TOKEN': await csrfToken()},
        body: new URLSearchParams({username: $('username').value.trim(), password: $('password').value})});
      if (r.ok) {
        location.replace(next);
        return;
      }
      const answer = await r.json().catch(() => ({}));
      // a locked account is told for how long (WebappLoginLockFilter); any other refusal is not explained further
      show(answer.type === 'LoginLocked' ? answer.message : r.status === 401 || r.status === 403 ? '用户名或密码错误'
        : '登录失败（' + r.status + '），请稍后重试');
    } catch (err) {
      show('无法连接服务器，请稍后重试');
    } finally {
      $('submit').disabled = false;
    }
  });
})();
