// 督查督办 dashboard: reads /api/sla/* with the logged-in supervisor's session or basic login.
(function () {
  const DEPARTMENTS = {transport: '交通运输局', water: '水利局', education: '教育局', health: '卫生健康局', 'civil-affairs': '民政局',
    housing: '住房和城乡建设局', agriculture: '农业农村局', 'human-resources': '人力资源和社会保障局', 'public-security': '公安局',
    'urban-management': '城市管理局', environment: '生态环境局', township: '乡镇人民政府/街道办事处'};
  const ACTIONS = {PHONE: '电话催办', WRITTEN: '书面督办', MEETING: '约谈督办'};
  const $ = (id) => document.getElementById(id);
  const name = (code) => DEPARTMENTS[code] || code;
  // the department's name as the API gives it, else the page's own table (older answers had only the code)
  const unit = (row) => row.departmentName || name(row.department);
  // the charts name departments by code: learn their names from the rows that carry them
  const learn = (rows) => rows.forEach((r) => { if (r.departmentName) DEPARTMENTS[r.department] = r.departmentName; });
  const pct = (rate) => rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + '%';
  const time = (iso) => iso ? iso.replace('T', ' ').substring(0, 16) : '';
  // a deadline in a year whose holiday notice is not published yet ("provisional": true) may still move
  const PROVISIONAL = '（暂按法定节假日推算，以国务院通知为准）';
  const due = (iso, provisional) => time(iso) + (provisional ? `<small class="provisional">${PROVISIONAL}</small>` : '');
  const text = (value) => { const span = document.createElement('span'); span.textContent = value ?? ''; return span.innerHTML; };
  const iso = (date, endOfDay) => date + (endOfDay ? 'T23:59:59+08:00' : 'T00:00:00+08:00');
  // location.origin never carries credentials typed into the address bar (fetch refuses URLs that do)
  const get = (path) => fetch(location.origin + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((r) => { if (!r.ok) throw new Error(path + ' ' + r.status); return r.json(); });

  const today = new Date();
  const ymd = (d) => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  $('to').value = ymd(today);
  $('from').value = ymd(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30));
  const breachChart = echarts.init($('breachChart'));
  const trendChart = echarts.init($('trendChart'));
  window.addEventListener('resize', () => { breachChart.resize(); trendChart.resize(); });

  function card(label, value, alert) {
    return `<div class="card${alert ? ' alert' : ''}"><div class="label">${label}</div><div class="value">${value}</div></div>`;
  }

  function ratio(rows, part, whole) {
    const p = rows.reduce((s, r) => s + part(r), 0), w = rows.reduce((s, r) => s + whole(r), 0);
    return w === 0 ? null : p / w;
  }

  const BREACH_PAGE = 1000;
  // the open breaches come one page at a time too: a full page means there are more than it shows
  const openCount = (open) => open.length === BREACH_PAGE ? BREACH_PAGE + '+' : open.length;

  async function load() {
    const from = iso($('from').value, false), to = iso($('to').value, true);
    const q = '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
    $('csvSummary').href = '/api/sla/summary.csv' + q;
    $('csvBreaches').href = '/api/sla/breaches.csv' + q;
    // the period's newest breaches, one page: a year at a prefecture's volume is tens of thousands (issue #23)
    const [summary, breaches, open, dueSoon] = await Promise.all([get('/api/sla/summary' + q),
      get('/api/sla/breaches' + q + '&limit=' + BREACH_PAGE), get('/api/sla/breaches?status=OPEN&limit=' + BREACH_PAGE), get('/api/sla/due-soon')]);
    $('breachNote').textContent = breaches.length === BREACH_PAGE ? '（期内最近 ' + BREACH_PAGE + ' 条）' : '';
    learn([...summary, ...breaches, ...open, ...dueSoon]);
    const given = summary.reduce((s, r) => s + r.repliesGiven, 0);
    $('cards').innerHTML = card('在办答复', summary.reduce((s, r) => s + r.openTasks, 0))
      + card('即将到期', dueSoon.length, dueSoon.length > 0)
      + card('未结超期', openCount(open), open.length > 0)
      + card('重点督办', open.filter((b) => b.level === 2).length, open.some((b) => b.level === 2))
      + card('响应率', pct(ratio(summary, (r) => r.repliesGiven, (r) => r.repliesDue)))
      + card('按时率', pct(given === 0 ? null : summary.reduce((s, r) => s + (r.onTimeRate ?? 0) * r.repliesGiven, 0) / given))
      + card('解决率', pct(ratio(summary.filter((r) => r.resolutionRate !== null), (r) => r.resolutionRate, () => 1)))
      + card('满意率', pct(null));
    const departments = [...new Set(breaches.map((b) => b.department))];
    const count = (d, pred) => breaches.filter((b) => b.department === d && pred(b)).length;
    breachChart.setOption({
      tooltip: {trigger: 'axis'}, legend: {data: ['督办（一级）', '重点督办（二级）', '已结']},
      grid: {left: 40, right: 16, bottom: 60}, xAxis: {type: 'category', data: departments.map(name), axisLabel: {rotate: 30}},
      yAxis: {type: 'value', minInterval: 1},
      series: [
        {name: '督办（一级）', type: 'bar', stack: 'b', color: '#ef6c00', data: departments.map((d) => count(d, (b) => !b.closedAt && b.level === 1))},
        {name: '重点督办（二级）', type: 'bar', stack: 'b', color: '#c62828', data: departments.map((d) => count(d, (b) => !b.closedAt && b.level === 2))},
        {name: '已结', type: 'bar', stack: 'b', color: '#90a4ae', data: departments.map((d) => count(d, (b) => !!b.closedAt))}]
    }, true);
    renderTables(summary, open, dueSoon);
    loadTrend();
    loadCalendarWarning();
  }

  // from 1 November while next year's holiday notice is missing (or any time this year's is)
  async function loadCalendarWarning() {
    const calendar = await get('/api/calendar/years');
    $('calendarWarning').textContent = calendar.warning || '';
    $('calendarWarning').hidden = !calendar.warning;
  }

  async function loadTrend() {
    // six months in one call, counted as the summary counts a month (issue #23: six summaries made the dashboard slow)
    const trend = await get('/api/sla/trend?months=6');
    const results = trend.map((m) => m.departments);
    const months = trend.map((m) => Number(m.month.slice(5)));
    learn(results.flat());
    const rate = (rows, d) => { const r = rows.find((x) => x.department === d); return r && r.onTimeRate !== null ? Math.round(r.onTimeRate * 1000) / 10 : null; };
    // only departments that answered in one of the months: the others have no rate to draw (open replies alone list them)
    const departments = [...new Set(results.flat().map((r) => r.department))].filter((d) => results.some((rows) => rate(rows, d) !== null));
    trendChart.setOption({
      title: departments.length ? {show: false} : {show: true, text: '近六个月没有到期的答复', left: 'center', top: 'middle',
        textStyle: {color: '#8a98a8', fontSize: 14, fontWeight: 'normal'}},
      tooltip: {trigger: 'axis', valueFormatter: (v) => v === null || v === undefined ? '—' : v + '%'},
      legend: {type: 'scroll', data: departments.map(name)},
      grid: {left: 48, right: 16, bottom: 40}, xAxis: {type: 'category', data: months.map((m) => m + '月')},
      yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
      // a month alone between empty ones is a dot: every point is drawn, large enough to see on the axis lines
      series: departments.map((d) => ({name: name(d), type: 'line', connectNulls: true, showSymbol: true, showAllSymbol: true,
        symbolSize: 9, clip: false, label: {show: true, position: 'top', formatter: (p) => p.value + '%'},
        data: results.map((rows) => rate(rows, d))}))
    }, true);
  }

  function renderTables(summary, open, dueSoon) {
    $('openCount').textContent = '（' + openCount(open) + (open.length === BREACH_PAGE ? '，下表为最近 ' + BREACH_PAGE + ' 条' : '') + '）';
    $('openBreaches').tBodies[0].innerHTML = open.length === 0 ? '<tr><td colspan="6" class="empty">暂无未结超期</td></tr>'
      : open.map((b) => `<tr class="clickable" data-code="${text(b.trackingCode)}"><td>${text(b.trackingCode)}</td><td>${text(unit(b))}</td>`
        + `<td>${due(b.due, b.provisional)}</td><td>${time(b.breachedAt)}</td><td><span class="level${b.level}">${b.level === 2 ? '重点督办' : '督办'}</span></td>`
        + `<td>${text(b.supervisionAction ? (ACTIONS[b.supervisionAction] || b.supervisionAction) + '：' + b.supervisionNote
          + (b.supervisedByName ? '（' + b.supervisedByName + '）' : '') : '待督办')}</td></tr>`).join('');
    $('dueSoon').tBodies[0].innerHTML = dueSoon.length === 0 ? '<tr><td colspan="4" class="empty">暂无即将到期的答复</td></tr>'
      : dueSoon.map((t) => `<tr class="clickable" data-code="${text(t.trackingCode)}"><td>${text(t.trackingCode)}</td><td>${text(t.title)}</td>`
        + `<td>${text(unit(t))}</td><td>${due(t.due, t.provisional)}</td></tr>`).join('');
    $('summary').tBodies[0].innerHTML = summary.length === 0 ? '<tr><td colspan="8" class="empty">期内无答复任务</td></tr>'
      : summary.map((s) => `<tr><td>${text(unit(s))}</td><td>${s.openTasks}</td><td>${s.dueSoon}</td><td>${s.breached}</td>`
        + `<td>${pct(s.onTimeRate)}</td><td>${pct(s.responseRate)}</td><td>${pct(s.resolutionRate)}</td><td>${pct(s.satisfactionRate)}</td></tr>`).join('');
    document.querySelectorAll('tr.clickable').forEach((row) => row.addEventListener('click', () => showDemand(row.dataset.code)));
  }

  async function showDemand(code) {
    const d = await get('/api/demands/' + encodeURIComponent(code));
    const history = d.history.map((h) => `<li>${time(h.at)} ${text(h.actorName || h.actor)}：${text(h.detail || h.kind)}</li>`).join('');
    $('demand').querySelector('article').innerHTML = `<h2>${text(d.trackingCode)} ${text(d.title)}</h2>`
      + `<p>${text(d.township)} ${text(d.village)} · ${text(d.statusLabel)}</p><p>${text(d.description)}</p>`
      + `<p>办理方式：${text(d.routeLabel || '研判中')} · 牵头单位：${text(d.route ? name(d.route.leadDepartment) : '')} · 时限：${d.route ? due(d.route.deadline, d.route.provisional) : ''}</p>`
      + `<h3>办理记录</h3><ul>${history}</ul>`;
    $('demand').showModal();
  }

  async function notifications() {
    // counted up to 100 (a group's notices pile up over the years): 99+ beyond
    const count = await get('/api/notifications/count?upTo=100');
    $('badge').textContent = count.unread >= 100 ? '99+' : count.unread;
  }

  $('bell').addEventListener('click', async (e) => {
    e.preventDefault();
    const list = await get('/api/notifications?limit=30');
    $('inboxList').innerHTML = list.length === 0 ? '<li class="empty">暂无提醒</li>'
      : list.map((n) => `<li class="${n.read ? '' : 'unread'}">${time(n.createdAt)} ${text(n.title)}<br><small>${text(n.message)}</small></li>`).join('');
    $('inbox').showModal();
  });

  $('period').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  notifications().catch(() => {});
  load().catch((e) => { $('cards').innerHTML = card('加载失败', text(e.message), true); });
})();
