// The public page: follow a demand by tracking code, read the publicity board. No login, no personal data.
(function () {
  const STEPS = [['COLLECT', '广泛征集知事'], ['INVESTIGATE', '深入调查明事'], ['DELIBERATE', '多元参与议事'],
    ['DECIDE', '集体研究决事'], ['HANDLE', '分层分类办事'], ['PUBLICIZE', '公示办理结果']];
  const $ = (id) => document.getElementById(id);
  const text = (v) => { const s = document.createElement('span'); s.textContent = v ?? ''; return s.innerHTML; };
  const time = (iso) => iso ? iso.replace('T', ' ').substring(0, 16) : '';
  const get = (path) => fetch(location.origin + path, {headers: {Accept: 'application/json'}}).then(async (r) => {
    if (r.status === 404) throw new Error('未找到该受理编号，请核对后再查询。');
    if (!r.ok) throw new Error('查询失败，请稍后再试。');
    return r.json();
  });
  let page = 0;

  async function follow(code) {
    $('result').innerHTML = '<p class="hint">查询中……</p>';
    try {
      const d = await get('/api/public/demands/' + encodeURIComponent(code));
      const reached = Object.fromEntries(d.steps.map((s) => [s.step, s.reachedAt]));
      $('result').innerHTML = `<h3>${text(d.trackingCode)} ${text(d.title)}</h3>`
        + `<ol class="timeline">${STEPS.map(([k, label]) => `<li class="${reached[k] ? 'done' : ''}">${label}<small>${time(reached[k])}</small></li>`).join('')}</ol>`
        + `<dl><dt>办理状态</dt><dd>${text(d.statusLabel)}</dd><dt>所在地</dt><dd>${text(d.township)} ${text(d.village)}</dd>`
        + `<dt>诉求人</dt><dd>${text(d.submitter.name || '—')} ${text(d.submitter.phone || '')}</dd>`
        + `<dt>办理方式</dt><dd>${text(d.route ? d.route.routeLabel : '研判中')}</dd><dt>承办单位</dt><dd>${text(d.handlingUnit || '—')}</dd>`
        + `<dt>办理时限</dt><dd>${time(d.deadline) || '—'}</dd><dt>办理结果</dt><dd>${text(d.result || '办理中')}</dd>`
        + (d.notice ? `<dt>公示期</dt><dd>${time(d.notice.publishedAt)} 至 ${time(d.notice.closesAt)}</dd>` : '')
        + (d.mergedInto ? `<dt>并单</dt><dd>已并入 ${text(d.mergedInto)} 一并办理</dd>` : '') + '</dl>';
      history.replaceState(null, '', '/public?code=' + encodeURIComponent(code));
    } catch (e) {
      $('result').innerHTML = `<p class="error">${text(e.message)}</p>`;
    }
  }

  async function board() {
    try {
      const b = await get('/api/public/notices?size=10&page=' + page);
      $('board').innerHTML = b.content.length === 0 ? '<li class="hint">暂无公示</li>' : b.content.map((n) =>
        `<li><div class="title">${text(n.title)}</div><div>${text(n.result)}</div>`
        + `<div class="meta">${text(n.trackingCode)} · ${text(n.handlingUnit)} · 公示 ${time(n.publishedAt)} 至 ${time(n.closesAt)}</div></li>`).join('');
      $('pageInfo').textContent = `第 ${b.page + 1} / ${Math.max(1, b.totalPages)} 页`;
      $('prev').disabled = b.page === 0;
      $('next').disabled = b.page + 1 >= b.totalPages;
    } catch (e) {
      $('board').innerHTML = `<li class="error">${text(e.message)}</li>`;
    }
  }

  $('submit').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target.elements;
    const body = {title: f.title.value.trim(), description: f.description.value.trim(), category: f.category.value || null,
      township: f.township.value.trim(), village: f.village.value.trim(),
      submitter: {name: f.name.value.trim() || null, phone: f.phone.value.trim() || null}};
    const r = await fetch(location.origin + '/api/public/demands', {method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body: JSON.stringify(body)});
    const json = await r.json().catch(() => ({}));
    if (r.ok) {
      $('submitted').innerHTML = `<p class="ok">已受理，受理编号：${text(json.trackingCode)}</p><p class="hint">请记下受理编号，凭编号查询办理进度。</p>`;
      e.target.reset();
      $('code').value = json.trackingCode;
      follow(json.trackingCode);
    } else {
      const errors = (json.errors || []).map((x) => text(x.message)).join('；');
      $('submitted').innerHTML = `<p class="error">${errors || text(json.detail || '提交失败，请稍后再试。')}</p>`;
    }
  });

  $('follow').addEventListener('submit', (e) => { e.preventDefault(); follow($('code').value.trim()); });
  $('prev').addEventListener('click', () => { page = Math.max(0, page - 1); board(); });
  $('next').addEventListener('click', () => { page += 1; board(); });
  const code = new URLSearchParams(location.search).get('code');
  if (code) { $('code').value = code; follow(code); }
  board();
})();
