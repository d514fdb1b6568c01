// 工作日历: next year's non-working days and make-up working days as the system counts them, from
// GET /api/calendar/years. Renders into #workingCalendar on the dashboard and on /calendar.
(function () {
  const section = document.getElementById('workingCalendar');
  const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
  const PROVISIONAL = '暂按法定节假日推算，以国务院通知为准';
  const text = (value) => { const span = document.createElement('span'); span.textContent = value ?? ''; return span.innerHTML; };
  // a LocalDate "YYYY-MM-DD" read as a date without a time zone (the weekday of the day itself)
  const weekday = (day) => { const [y, m, d] = day.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)).getUTCDay(); };
  const label = (day) => `${day}（周${WEEKDAYS[weekday(day)]}）`;
  const next = (day) => { const [y, m, d] = day.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().substring(0, 10); };

  /** Consecutive days as runs: [[first, last, count], ...]. */
  function runs(days) {
    const out = [];
    for (const day of days) {
      const last = out[out.length - 1];
      if (last && next(last[1]) === day) { last[1] = day; last[2]++; } else out.push([day, day, 1]);
    }
    return out;
  }

  function rows(days, empty) {
    if (days.length === 0) return `<tr><td colspan="2" class="empty">${empty}</td></tr>`;
    return runs(days).map(([first, last, count]) => `<tr><td>${label(first)}${count > 1 ? ' 至 ' + label(last) : ''}</td>`
        + `<td>${count}天</td></tr>`).join('');
  }

  function render(calendar) {
    const year = Number(calendar.today.substring(0, 4)) + 1;
    const counted = calendar.years.find((y) => y.year === year);
    const status = counted.provisional
        ? `<span class="provisional-badge">${PROVISIONAL}</span>`
        : '<span class="published-badge">已按国务院放假安排通知</span>';
    const source = counted.source ? `依据：${text(counted.source)}` : '尚无节假日数据，按周一至周五计算';
    const file = counted.file ? `；文件 ${text(counted.file)}${counted.sha256 ? '（SHA-256 ' + text(counted.sha256.substring(0, 12)) + '…）' : ''}` : '';
    section.innerHTML = `<h2>${year}年工作日历 ${status}</h2>`
        + `<p class="note">${source}${file}。系统计算办理时限时按下表休息和上班；其余周六、周日休息。</p>`
        + '<div class="calendar-lists"><div><h3>休息日（节假日）</h3><table><thead><tr><th>日期</th><th>天数</th></tr></thead>'
        + `<tbody id="calendarHolidays">${rows(counted.holidays, '无')}</tbody></table></div>`
        + '<div><h3>调休上班日</h3><table><thead><tr><th>日期</th><th>天数</th></tr></thead>'
        + `<tbody id="calendarWorkdays">${rows(counted.makeUpWorkdays, counted.provisional ? '通知发布前不假定调休上班日' : '无')}</tbody>`
        + '</table></div></div>';
  }

  // location.origin never carries credentials typed into the address bar (fetch refuses URLs that do)
  fetch(location.origin + '/api/calendar/years', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((r) => { if (!r.ok) throw new Error('/api/calendar/years ' + r.status); return r.json(); })
      .then(render)
      .catch((e) => { section.innerHTML = `<h2>工作日历</h2><p class="empty">工作日历读取失败：${text(e.message)}</p>`; });
})();
