// The public page: follow a demand by tracking code, evaluate its result, read the publicity board and
// object to a notice. No login, no personal data (the API masks it; this page only shows what it gets).
(function () {
  const STEPS = [['COLLECT', '广泛征集知事'], ['INVESTIGATE', '深入调查明事'], ['DELIBERATE', '多元参与议事'],
    ['DECIDE', '集体研究决事'], ['HANDLE', '分层分类办事'], ['PUBLICIZE', '公示办理结果']];
  const RATINGS = [['SATISFIED', '满意'], ['BASICALLY_SATISFIED', '基本满意'], ['UNSATISFIED', '不满意']];
  const $ = (id) => document.getElementById(id);
  const text = (v) => { const s = document.createElement('span'); s.textContent = v ?? ''; return s.innerHTML; };
  const time = (iso) => iso ? iso.replace('T', ' ').substring(0, 16) : '';
  const get = (path) => fetch(location.origin + path, {headers: {Accept: 'application/json'}}).then(async (r) => {
    if (r.status === 404) throw new Error('未找到该受理编号，请核对后再查询。');
    if (!r.ok) throw new Error('查询失败，请稍后再试。');
    return r.json();
  });
  /** POSTs JSON; resolves with the body, rejects with a message a person can read (problem JSON's errors or detail). */
  const post = async (path, body) => {
    const r = await fetch(location.origin + path, {method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body: JSON.stringify(body)});
    const json = await r.json().catch(() => ({}));
    if (r.ok) return json;
    if (r.status === 429) throw new Error('操作过于频繁，请稍后再试。');
    const errors = (json.errors || []).map((x) => x.message).join('；');
    throw new Error(errors || json.detail || '提交失败，请稍后再试。');
  };
  let page = 0;
  // where each page shown so far starts (the `next` of the page before): "下一页" reads on from the last notice
  // through an index however deep it is, "上一页" goes back to where the page before started
  const starts = [null];
  let next = null;

  function objections(n) {
    const list = (n.objections || []).map((o) => `<li><span class="tag">${text(o.statusLabel)}</span>${text(o.reason)}`
      + (o.answer ? `<div class="answer">答复：${text(o.answer)}</div>` : '') + '</li>').join('');
    const form = n.openForObjections ? `<details class="object"><summary>对本公示有异议？</summary>`
      + `<form data-notice="${text(n.id)}" class="objection"><textarea name="reason" rows="3" maxlength="1000" minlength="5" required `
      + `placeholder="请写明异议理由（5到1000字）。请勿填写个人信息。"></textarea><button type="submit">提交异议</button>`
      + `<p class="msg" aria-live="polite"></p></form></details>` : '';
    return (list ? `<ul class="objections">${list}</ul>` : '') + form;
  }

  function evaluation(d) {
    const e = d.evaluation;
    if (!e) return '';
    if (!e.due) {
      return `<dt>满意度评价</dt><dd>${text(e.ratingLabel ? '已评价：' + e.ratingLabel : e.statusLabel)}</dd>`;
    }
    return `<dt>满意度评价</dt><dd><form id="evaluate" class="evaluate"><fieldset><legend>您对办理结果是否满意？（${time(e.dueAt)}前）</legend>`
      + RATINGS.map(([v, l]) => `<label class="inline"><input type="radio" name="rating" value="${v}" required> ${l}</label>`).join('')
      + `</fieldset><textarea name="comment" rows="2" maxlength="500" placeholder="意见（不满意时请写明原因）"></textarea>`
      + `<label class="access">查询码 <input name="accessCode" required autocomplete="off" maxlength="12" placeholder="受理时给您的8位查询码"></label>`
      + `<p class="hint">只有诉求人本人凭受理回执上的查询码才能评价。查询码遗失的，请联系政协工委重新发放。</p>`
      + `<button type="submit">提交评价</button><p class="msg" aria-live="polite"></p></form></dd>`;
  }

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
        + `<dt>办理时限</dt><dd>${time(d.deadline) || '—'}${d.deadlineProvisional ? '（暂按法定节假日推算，以国务院通知为准）' : ''}</dd><dt>办理结果</dt><dd>${text(d.result || '办理中')}</dd>`
        + (d.notice ? `<dt>公示</dt><dd>${text(d.notice.statusLabel)}：${time(d.notice.publishedAt)} 至 ${time(d.notice.closesAt)}`
          + objections(d.notice) + '</dd>' : '')
        + (d.mergedInto ? `<dt>并单</dt><dd>已并入 ${text(d.mergedInto)} 一并办理</dd>` : '') + evaluation(d) + '</dl>';
      history.replaceState(null, '', '/public?code=' + encodeURIComponent(code));
      const form = $('evaluate');
      if (form) {
        form.addEventListener('submit', async (e) => {
          e.preventDefault();
          const rating = form.elements.rating.value;
          const comment = form.elements.comment.value.trim();
          const accessCode = form.elements.accessCode.value.trim();
          const msg = form.querySelector('.msg');
          if (!rating) { msg.className = 'msg error'; msg.textContent = '请选择满意、基本满意或不满意。'; return; }
          if (rating === 'UNSATISFIED' && !comment) { msg.className = 'msg error'; msg.textContent = '不满意时请写明原因。'; return; }
          if (!accessCode) { msg.className = 'msg error'; msg.textContent = '请填写受理时给您的查询码。'; return; }
          try {
            await post('/api/public/demands/' + encodeURIComponent(code) + '/evaluation', {rating, comment: comment || null, accessCode});
            follow(code);
          } catch (err) {
            msg.className = 'msg error';
            msg.textContent = err.message;
          }
        });
      }
    } catch (e) {
      $('result').innerHTML = `<p class="error">${text(e.message)}</p>`;
    }
  }

  async function board() {
    try {
      const before = starts[page];
      const b = await get('/api/public/notices?size=10&page=' + page + (before ? '&before=' + encodeURIComponent(before) : ''));
      next = b.next;
      $('board').innerHTML = b.content.length === 0 ? '<li class="hint">暂无公示</li>' : b.content.map((n) =>
        `<li><div class="title">${text(n.title)}${n.round > 1 ? '<span class="tag">二次办理</span>' : ''}</div><div>${text(n.result)}</div>`
        + `<div class="meta">${text(n.trackingCode)} · ${text(n.handlingUnit)} · ${text(n.statusLabel)} ${time(n.publishedAt)} 至 ${time(n.closesAt)}</div>`
        + objections(n) + '</li>').join('');
      $('pageInfo').textContent = `第 ${b.page + 1} / ${Math.max(1, b.totalPages)} 页`;
      $('prev').disabled = b.page === 0;
      $('next').disabled = !next;
    } catch (e) {
      $('board').innerHTML = `<li class="error">${text(e.message)}</li>`;
    }
  }

  // objections, wherever the notice is shown (board or follow result)
  document.addEventListener('submit', async (e) => {
    const form = e.target;
    if (!form.classList || !form.classList.contains('objection')) return;
    e.preventDefault();
    const msg = form.querySelector('.msg');
    const reason = form.elements.reason.value.trim();
    if (reason.length < 5) { msg.className = 'msg error'; msg.textContent = '异议理由至少5个字。'; return; }
    try {
      await post('/api/public/notices/' + encodeURIComponent(form.dataset.notice) + '/objections', {reason});
      msg.className = 'msg ok';
      msg.textContent = '异议已提交，政协工委将核实处理，答复会随公示公布。';
      form.elements.reason.value = '';
    } catch (err) {
      msg.className = 'msg error';
      msg.textContent = err.message;
    }
  });

  $('submit').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target.elements;
    const body = {title: f.title.value.trim(), description: f.description.value.trim(), category: f.category.value || null,
      township: f.township.value.trim(), village: f.village.value.trim(),
      submitter: {name: f.name.value.trim() || null, phone: f.phone.value.trim() || null}};
    try {
      const json = await post('/api/public/demands', body);
      $('submitted').innerHTML = `<div class="receipt"><p class="ok">已受理，受理编号：<strong>${text(json.trackingCode)}</strong></p>`
        + `<p class="access-code">查询码：<strong id="accessCode">${text(json.accessCode)}</strong></p>`
        + '<p class="hint">请记下受理编号和查询码（可截图保存）。凭受理编号任何人都能查看办理进度；'
        + '评价办理结果时需要查询码，只有您本人持有，本页关闭后不再显示，请勿告诉他人。</p></div>';
      e.target.reset();
      $('code').value = json.trackingCode;
      follow(json.trackingCode);
    } catch (err) {
      $('submitted').innerHTML = `<p class="error">${text(err.message)}</p>`;
    }
  });

  $('follow').addEventListener('submit', (e) => { e.preventDefault(); follow($('code').value.trim()); });
  $('prev').addEventListener('click', () => { page = Math.max(0, page - 1); board(); });
  $('next').addEventListener('click', () => {
    if (!next) return;
    page += 1;
    starts[page] = next;
    board();
  });
  // 网络协商: an invitation link (/public?round=token) shows the matter and takes the invitee's one opinion
  const STANCES = [['SUPPORT', '支持'], ['OPPOSE', '反对'], ['SUGGESTION', '建议']];
  async function round(token) {
    $('roundPanel').hidden = false;
    const path = '/api/public/rounds/' + encodeURIComponent(token);
    const r = await fetch(location.origin + path, {headers: {Accept: 'application/json'}});
    if (!r.ok) {
      $('round').innerHTML = `<p class="error">${r.status === 404 ? '邀请链接无效，请核对链接是否完整。' : '加载失败，请稍后再试。'}</p>`;
      return;
    }
    const d = await r.json();
    const counts = STANCES.map(([k, l]) => `${l} <b>${d.counts[k]}</b>`).join('　');
    const suggestions = d.suggestions.length === 0 ? '<p class="hint">暂无文字意见。</p>'
      : '<ul class="objections">' + d.suggestions.map((s) => `<li><span class="tag">${text(s.stanceLabel)}</span>${text(s.text)}</li>`).join('') + '</ul>';
    let form;
    if (d.answered) form = `<p class="ok">您已发表意见：${text(STANCES.find(([k]) => k === d.yourStance)[1])}。感谢参与！</p>`;
    else if (d.status !== 'OPEN') form = `<p class="error">本次网络协商${text(d.statusLabel)}，不能再发表意见。</p>`;
    else form = `<form id="opinion" class="evaluate" novalidate><fieldset><legend>您的意见（${time(d.expiresAt)}前，只能发表一次）</legend>`
      + STANCES.map(([v, l]) => `<label class="inline"><input type="radio" name="stance" value="${v}" required> ${l}</label>`).join('')
      + `</fieldset><textarea name="text" rows="3" maxlength="1000" placeholder="具体意见或建议（选择「建议」时必填，请勿填写个人信息）"></textarea>`
      + `<button type="submit">提交意见</button><p class="msg" aria-live="polite"></p></form>`;
    $('round').innerHTML = `<h3>${text(d.title)}</h3><p>${text(d.description)}</p>`
      + `<dl><dt>所在地</dt><dd>${text(d.township)} ${text(d.village)}</dd><dt>协商形式</dt><dd>${text(d.meetingForm)}，${time(d.meetingTime)}</dd>`
      + `<dt>状态</dt><dd>${text(d.statusLabel)}</dd><dt>已收到</dt><dd>${counts}</dd></dl>`
      + `<h3>大家的意见</h3>${suggestions}${form}`;
    const f = $('opinion');
    if (f) f.addEventListener('submit', async (e) => {
      e.preventDefault();
      const stance = f.elements.stance.value;
      const msg = f.querySelector('.msg');
      if (!stance) { msg.className = 'msg error'; msg.textContent = '请选择支持、反对或建议。'; return; }
      try {
        await post(path + '/opinions', {stance, text: f.elements.text.value.trim() || null});
        round(token);
      } catch (err) {
        msg.className = 'msg error';
        msg.textContent = err.message;
      }
    });
  }
  const roundToken = new URLSearchParams(location.search).get('round');
  if (roundToken) round(roundToken);

  const code = new URLSearchParams(location.search).get('code');
  if (code) { $('code').value = code; follow(code); }
  board();
  // staff logged in to Tasklist see their unread notifications; visitors see nothing
  // counted up to 100 (a group's notices pile up over the years): 99+ beyond
  get('/api/public/staff-badge?upTo=100').then((b) => {
    if (!b.loggedIn) return;
    $('staffUser').textContent = b.userName || b.user;
    $('badge').textContent = b.unread >= 100 ? '99+' : b.unread;
    $('staff').hidden = false;
  }).catch(() => {});
})();
