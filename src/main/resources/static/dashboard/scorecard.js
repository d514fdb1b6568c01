// 民主协商打分器 on the dashboard: rankings of townships and platforms, a chart of their indicator scores, the
// matters' scores with every item that earned or lost points; reads /api/scorecard/*.
(function () {
  const $ = (id) => document.getElementById(id);
  const text = (value) => { const span = document.createElement('span'); span.textContent = value ?? ''; return span.innerHTML; };
  const get = (path) => fetch(location.origin + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((r) => { if (!r.ok) throw new Error(path + ' ' + r.status); return r.json(); });
  const chart = echarts.init($('scoreChart'));
  window.addEventListener('resize', () => chart.resize());
  let grades = [];
  $('scoreYear').value = new Date().getFullYear();

  const period = () => $('scoreYear').value + ($('scoreQuarter').value ? '-' + $('scoreQuarter').value : '');
  const grade = (label) => `<span class="grade g${Math.max(0, grades.indexOf(label))}">${text(label)}</span>`;
  const weak = (items) => items.map((w) => `${text(w.label)}（${w.times}）`).join('；');

  async function load() {
    const p = encodeURIComponent(period());
    ['Townships', 'Platforms', 'Matters'].forEach((k) => { $('csv' + k).href = `/api/scorecard/${k.toLowerCase()}.csv?period=${p}`; });
    const [scheme, townships, platforms] = await Promise.all([get('/api/scorecard/scheme'),
      get('/api/scorecard/townships?period=' + p), get('/api/scorecard/platforms?period=' + p)]);
    grades = scheme.grades.map((g) => g.label);
    $('schemeName').textContent = scheme.name;
    $('scoreExplained').innerHTML = explain(scheme);
    const indicators = scheme.indicators.map((i) => i.label);
    const ranked = townships.standings;
    chart.setOption({
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}}, legend: {data: indicators},
      // the legend wraps to two lines on a phone: the plot starts below it, clear of the axis name
      grid: {left: 48, right: 16, bottom: 60, top: window.innerWidth < 560 ? 90 : 60},
      xAxis: {type: 'category', data: ranked.map((s) => s.name), axisLabel: {rotate: ranked.length > 8 ? 30 : 0}},
      yAxis: {type: 'value', name: '平均分'},
      series: indicators.map((label) => ({name: label, type: 'bar', stack: 'score', data: ranked.map((s) => s.indicators[label])}))
    }, true);
    $('townshipRanking').tBodies[0].innerHTML = ranked.length === 0 ? '<tr><td colspan="7" class="empty">期内没有记录的协商会议</td></tr>'
      : ranked.map((s) => `<tr><td>${s.rank}</td><td>${text(s.name)}</td><td>${s.matters}</td><td>${s.average}</td><td>${grade(s.grade)}</td>`
        + `<td>${s.lowest}～${s.highest}</td><td>${weak(s.mostLost)}</td></tr>`).join('');
    const elsewhere = platforms.withoutPlatform;
    $('platformRanking').tBodies[0].innerHTML = (platforms.standings.length === 0 ? '<tr><td colspan="7" class="empty">期内没有在协商平台召开的协商会议</td></tr>'
      : platforms.standings.map((s) => `<tr><td>${s.rank}</td><td>${text(s.name)}</td><td>${text(s.township)}</td><td>${s.matters}</td>`
        + `<td>${s.average}</td><td>${grade(s.grade)}</td><td>${weak(s.mostLost)}</td></tr>`).join(''))
      // matters met at no registered platform are no platform: shown apart, never ranked among them
      + (elsewhere ? `<tr class="apart"><td>—</td><td>${text(elsewhere.name)}</td><td>各乡镇</td><td>${elsewhere.matters}</td>`
        + `<td>${elsewhere.average}</td><td>${grade(elsewhere.grade)}</td><td>${weak(elsewhere.mostLost)}</td></tr>`
        + '<tr class="apart"><td colspan="7" class="note">以上一行是未在已登记的协商平台召开会议的事项，单列，不参加平台排名。</td></tr>' : '');
    // every matter of the period is in one township's count: their sum is the length of the list
    matterTotal = ranked.reduce((sum, s) => sum + s.matters, 0);
    currentScheme = scheme;
    await loadMatters(0);
  }

  // the matters' scores a page at a time: a prefecture's year is tens of thousands of matters (issue #23)
  const MATTER_PAGE = 100;
  let matterTotal = 0;
  let matterOffset = 0;
  let currentScheme = null;

  async function loadMatters(offset) {
    const matters = await get(`/api/scorecard/matters?period=${encodeURIComponent(period())}&limit=${MATTER_PAGE}&offset=${offset}`);
    matterOffset = offset;
    // the range only when there is more than one page
    $('matterCount').textContent = matterTotal <= MATTER_PAGE ? '（' + matters.length + '）'
      : `（共 ${matterTotal} 项，第 ${offset + 1}–${offset + matters.length} 项）`;
    $('matterPrev').hidden = $('matterNext').hidden = matterTotal <= MATTER_PAGE;
    $('matterPrev').disabled = offset === 0;
    $('matterNext').disabled = offset + matters.length >= matterTotal;
    $('matterScores').tBodies[0].innerHTML = matters.length === 0 ? '<tr><td colspan="6" class="empty">期内没有记录的协商会议</td></tr>'
      : matters.map((m, i) => `<tr class="clickable" data-index="${i}"><td>${text(m.trackingCode)}</td><td>${text(m.title)}</td>`
        + `<td>${text(m.township)}</td><td>${text(m.platformName || '—')}</td><td>${m.total}</td><td>${grade(m.grade)}</td></tr>`).join('');
    document.querySelectorAll('#matterScores tr.clickable').forEach((row) =>
      row.addEventListener('click', () => showMatter(matters[Number(row.dataset.index)], currentScheme)));
  }

  $('matterPrev').addEventListener('click', () => loadMatters(Math.max(0, matterOffset - MATTER_PAGE)));
  $('matterNext').addEventListener('click', () => loadMatters(matterOffset + MATTER_PAGE));

  const points = (n) => Number.isInteger(n) ? String(n) : n.toFixed(1);

  // the scheme in words, from the scheme itself: what a score is made of and what a grade means
  function explain(scheme) {
    const weights = scheme.indicators.map((i) => `${text(i.label)} ${points(i.weight)}分`).join('、');
    const core = scheme.indicators.flatMap((i) => i.items.filter((item) => item.core).map((item) => text(item.label)));
    const deductions = scheme.indicators.flatMap((i) => i.deductions.map((d) => text(d.label)));
    const bonus = scheme.bonus.map((b) => `${text(b.label)}（${points(b.points)}分）`);
    const bands = scheme.grades.map((g, n) => g.atLeast > 0 ? `${points(g.atLeast)}分及以上为${text(g.label)}`
      : `不足${points(scheme.grades[n - 1].atLeast)}分为${text(g.label)}`).join('，');
    return `<h3>怎样打分</h3><ul>`
      + `<li>每个协商事项按${scheme.indicators.length}项指标打分，合计100分：${weights}。</li>`
      + `<li>每项指标由若干条目组成，做到一条得一条的分${deductions.length ? `；${deductions.join('；')}，在本指标内扣减，扣完为止` : ''}。</li>`
      + (bonus.length ? `<li>加分：${bonus.join('、')}，合计最多加${points(scheme.bonusCap)}分。</li>` : '')
      + `<li>等次：${bands}。</li>`
      + (core.length ? `<li>核心项目（${core.join('；')}）有一项没做到的，等次最高为${text(scheme.coreMissedGrade)}。</li>` : '')
      + `<li>乡镇、协商平台的得分是期内在当地（该平台）首次协商的事项的平均分。</li></ul>`;
  }

  function showMatter(m, scheme) {
    const indicatorLabel = Object.fromEntries(scheme.indicators.map((i) => [i.key, i.label]));
    const rows = m.items.map((i) => {
      const points = i.change !== 0 ? (i.change > 0 ? '+' : '') + i.change : (i.lost > 0 ? '-' + i.lost : '0');
      const kind = i.kind === 'BONUS' ? '加分项' : (i.kind === 'DEDUCTION' ? '扣分项' : (i.core ? '核心项目' : ''));
      return `<tr><td>${text(indicatorLabel[i.indicator] || '加分')}</td><td>${text(i.label)} <small>${kind}</small></td><td>${text(i.test)}</td>`
        + `<td>${text(i.measured)}</td><td class="${i.met && i.change >= 0 ? 'met' : (i.lost > 0 || i.change < 0 ? 'lost' : '')}">${points}</td></tr>`;
    }).join('');
    const indicators = m.indicators.map((i) => `${text(i.label)} ${i.score}/${i.weight}`).join(' · ');
    $('demand').querySelector('article').innerHTML = `<h2>${text(m.trackingCode)} ${text(m.title)}</h2>`
      + `<p>${text(m.township)} ${text(m.village)} · ${text(m.platformName || '未在协商平台')} · 总分 <b>${m.total}</b> ${grade(m.grade)}</p>`
      + `<p>${indicators} · 加分 ${m.bonus}</p>`
      + (m.coreMissed.length ? `<p class="lost">核心项目未达到：${text(m.coreMissed.join('；'))}</p>` : '')
      + (m.pending && m.pending.length ? `<p>未到评价时点，暂不计分也不算失分：${text(m.pending.join('；'))}</p>` : '')
      + `<table class="items"><thead><tr><th>指标</th><th>条目</th><th>标准</th><th>实际</th><th>得分</th></tr></thead><tbody>${rows}</tbody></table>`;
    $('demand').showModal();
  }

  $('scorePeriod').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  load().catch((e) => { $('townshipRanking').tBodies[0].innerHTML = `<tr><td colspan="7" class="empty">加载失败：${text(e.message)}</td></tr>`; });
})();
