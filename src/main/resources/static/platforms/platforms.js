// 协商平台: the registry with its "六有" status and this year's activity; the liaison office registers platforms and checks.
(function () {
  const $ = (id) => document.getElementById(id);
  const text = (v) => { const s = document.createElement('span'); s.textContent = v ?? ''; return s.innerHTML; };
  const get = (path) => fetch(location.origin + path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then((r) => { if (!r.ok) throw new Error('加载失败（' + r.status + '）'); return r.json(); });
  const post = async (path, body) => {
    const r = await window.shangliangSession.send('POST', path, body);
    const json = await r.json().catch(() => ({}));
    if (r.ok) return json;
    // a refusal for the session's missing or stale token says so; only a refusal for the role speaks of roles
    if (r.status === 403 && json.csrfTokenRequired) throw new Error(json.detail);
    if (r.status === 403) throw new Error('只有政协工委和系统管理员可以登记和检查。');
    throw new Error((json.errors || []).map((e) => e.message).join('；') || json.detail || '提交失败');
  };
  $('year').value = new Date().getFullYear();
  // what the last check of an item found, in a sentence: 依据（2026-11-02 陈工委检查）
  const checked = (s) => s.met === null || s.met === undefined ? '尚未检查'
    : text(`${s.met ? '达标' : '未达标'}：${s.evidence || ''}（${s.checkedOn || ''} ${s.checkedByName || s.checkedBy || ''}检查）`);

  async function load() {
    const q = new URLSearchParams();
    if ($('township').value.trim()) q.set('township', $('township').value.trim());
    if ($('kind').value) q.set('kind', $('kind').value);
    if ($('compliant').value) q.set('compliant', $('compliant').value);
    const list = await get('/api/platforms?' + q);
    const year = Number($('year').value) || new Date().getFullYear();
    const rows = await Promise.all(list.map(async (p) => ({p, a: await get('/api/platforms/' + p.id + '/activity?year=' + year)})));
    $('count').textContent = '（' + list.length + '）';
    $('platforms').querySelector('tbody').innerHTML = rows.length === 0 ? '<tr><td colspan="9">没有符合条件的平台</td></tr>'
      : rows.map(({p, a}) => `<tr><td data-label="名称">${text(p.name)}</td><td data-label="类型">${text(p.kindLabel)}</td>`
        + `<td data-label="所在地">${text(p.township)} ${text(p.village || '')}</td>`
        + `<td data-label="联系委员">${text((p.memberNames || p.members).join('、') || '—')}</td><td data-label="六有"><div class="six">${p.standard.map((s) =>
          `<span class="${s.met === true ? 'met' : s.met === false ? 'unmet' : ''}" title="${checked(s)}">${text(s.label)}</span>`).join('')}</div>`
        + `<span class="${p.compliant ? 'ok' : 'no'}">${p.compliant ? '六项全部达标' : '达标 ' + p.itemsMet + ' 项，共 6 项'}</span></td>`
        + `<td class="number" data-label="协商次数">${a.consultations}</td><td class="number" data-label="协商事项">${a.matters}</td>`
        + `<td class="number" data-label="解决问题">${a.solved}</td><td class="number" data-label="参与委员">${a.membersActive}</td></tr>`).join('');
    $('check').elements.platform.innerHTML = list.map((p) => `<option value="${text(p.id)}">${text(p.name)}</option>`).join('');
  }

  function handle(form, send) {
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const msg = form.querySelector('.msg');
      try {
        await send(form.elements);
        msg.className = 'msg done';
        msg.textContent = '已保存。';
        await load();
      } catch (err) {
        msg.className = 'msg error';
        msg.textContent = err.message;
      }
    });
  }
  handle($('create'), (f) => post('/api/platforms', {name: f.name.value.trim(), kind: f.kind.value, township: f.township.value.trim(),
    village: f.village.value.trim() || null, address: f.address.value.trim() || null}));
  // namedItem: f.item is the collection's item() method, not the field named "item"
  handle($('check'), (f) => post('/api/platforms/' + f.platform.value + '/checks', {item: f.namedItem('item').value, met: f.met.value === 'true',
    evidence: f.evidence.value.trim(), checkedOn: f.checkedOn.value}));
  $('filter').addEventListener('submit', (e) => { e.preventDefault(); load().catch((err) => alert(err.message)); });
  load().catch((err) => { $('platforms').querySelector('tbody').innerHTML = `<tr><td colspan="9">${text(err.message)}</td></tr>`; });
})();
