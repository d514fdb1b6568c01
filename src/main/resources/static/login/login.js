// The staff's login: logs in to the Camunda webapps' session (Tasklist, Cockpit, Admin), which our pages and the
// API's reads share, then goes on to the page the person was on the way to (?next=, only a path of this site).
(function () {
  const $ = (id) => document.getElementById(id);
  const next = (() => {
    const asked = new URLSearchParams(location.search).get('next') || '/';
    return /^\/(?![/\\])/.test(asked) ? asked : '/';
  })();

  // already logged in (another tab, Tasklist): straight on
  fetch(location.origin + '/api/public/staff-badge', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then((r) => r.json()).then((b) => { if (b.loggedIn) location.replace(next); }).catch(() => {});

  function show(text) {
    $('message').textContent = text;
    $('message').hidden = false;
  }

  $('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('message').hidden = true;
    $('submit').disabled = true;
    try {
      const r = await shangliangSession.login($('username').value.trim(), $('password').value);
      if (r.ok) {
        location.replace(next);
        return;
      }
      const answer = await r.json().catch(() => ({}));
      // a locked account is told for how long (WebappLoginLockFilter); any other refusal is not explained further.
      // 403: Camunda's CSRF check refused (the 'welcome' login refuses nobody with the right password)
      show(answer.type === 'LoginLocked' ? answer.message : r.status === 401 ? '用户名或密码错误'
        : r.status === 403 ? '登录失败：页面已过期，请刷新页面后重试' : '登录失败（' + r.status + '），请稍后重试');
    } catch (err) {
      show('无法连接服务器，请稍后重试');
    } finally {
      $('submit').disabled = false;
    }
  });
})();
