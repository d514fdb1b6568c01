// 首页: who is logged in, their roles, the task count of each of their Tasklist filters and the places their
// roles open (GET /api/me decides them from the same rules that guard the pages).
(function () {
  const $ = (id) => document.getElementById(id);
  const text = (v) => { const s = document.createElement('span'); s.textContent = v ?? ''; return s.innerHTML; };

  // location.origin never carries credentials typed into the address bar (fetch refuses URLs that do)
  fetch(location.origin + '/api/me', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((r) => { if (!r.ok) throw new Error('读取失败（' + r.status + '）'); return r.json(); })
    .then(render)
    .catch((e) => { $('hello').textContent = '您好'; $('error').textContent = e.message + '，请刷新页面重试。'; $('error').hidden = false; });

  function render(me) {
    $('name').textContent = me.name;
    $('hello').textContent = '您好，' + me.name;
    $('roles').innerHTML = me.roles.length ? me.roles.map((r) => `<span class="role">${text(r.name)}</span>`).join('') : '（未分配角色）';
    if (me.filters.length) {
      $('filters').innerHTML = me.filters.map((f) => `<a class="card${f.count > 0 && /超期/.test(f.name) ? ' alert' : ''}" href="${text(f.href)}"`
        + ` style="--accent:${text(f.color || '#b71c1c')}" title="${text(f.description)}"><div class="label">${text(f.name)}</div>`
        + `<div class="value">${f.count}</div><div class="hint">${text(f.description)}</div></a>`).join('');
      $('tasks').hidden = false;
    }
    $('places').innerHTML = me.places.map((p) => `<a class="place" id="place-${text(p.key)}" href="${text(p.href)}">`
      + `<strong>${text(p.title)}</strong><span>${text(p.description)}</span></a>`).join('');
  }

  // logging out ends the webapps' session, which our pages share; Camunda wants its CSRF token for it
  $('logout').addEventListener('click', async () => {
    await shangliangSession.logout().catch(() => {});
    location.replace('/login');
  });
})();
