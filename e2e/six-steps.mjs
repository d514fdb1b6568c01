// The people's paths (issue "tested in a real browser"): a matter from a member's visit through the six steps,
// each person in their own Tasklist login, the department's reply on the clock, the supervisors' dashboard,
// and the public following, reading the notice and evaluating. Needs the application started with a short
// publicity period (`.ci/e2e` passes --shangliang.publicity.period=PT60S).
import { base, browser, journey, expect, PERSONAL } from './lib.mjs';
import { login, fill, choose, check, uncheck, pickDate, openTask, claim, complete, filter, formReady } from './tasklist-ui.mjs';

const TITLE = '三组通组道路路灯损坏';
const SUBMITTER = { name: '欧阳明', phone: '13912340000' };
const VILLAGE = '石门村';

export default async function sixSteps() {
  const b = await browser();
  let code;
  const as = async (user, name, steps) => {
    const { context, page } = await login(b, base, user);
    try {
      await journey(name, page, steps);
    } finally {
      await context.close();
    }
  };
  const codeOf = async (page) => {
    const res = await page.request.get(base + '/api/demands?q=' + encodeURIComponent(TITLE));
    return res.ok() ? (await res.json()) : null;
  };
  try {
    // a village of member1's without earlier matters (the demo's 同庆沟村 already has two on transport)
    const assigned = await fetch(base + '/api/village-assignments', { method: 'PUT', headers: { 'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') },
      body: JSON.stringify({ township: '中峰镇', village: VILLAGE, memberUserId: 'member1' }) });
    expect(assigned.ok, 'village assigned: ' + assigned.status);
    await as('clerk', 'steps-1-clerk', [
      ['start-form', async (page) => {
        await page.getByText('启动流程').first().click();
        await page.getByText('六步协商工作法').first().click();
        await formReady(page);
        await fill(page, '诉求标题', TITLE);
        await fill(page, '诉求内容', '同庆沟村三组通组道路上6盏路灯损坏两个月，夜间出行不便，老人孩子容易摔倒。');
        await choose(page, '类别', '交通出行');
        await choose(page, '来源渠道', '委员走访');
        await fill(page, '乡镇（街道）', '中峰镇');
        await fill(page, '村（社区）', VILLAGE);
        await fill(page, '诉求人姓名', SUBMITTER.name);
        await fill(page, '联系电话', SUBMITTER.phone);
        await fill(page, '受影响人数', 80);
        // the clerk enters the member's visit: not the member, so not 由我走访收集
        await uncheck(page, '由我走访收集');
      }],
      ['registered', async (page) => {
        await page.getByRole('button', { name: '启动' }).last().click();
        await page.getByText('流程已启动').first().waitFor({ timeout: 20000 });
        const found = await page.request.get(base + '/engine-rest/process-instance?processDefinitionKey=SixStepConsultationProcess'
          + '&sortBy=instanceId&sortOrder=desc', { headers: { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') } });
        for (const instance of await found.json()) {
          const v = await page.request.get(base + '/engine-rest/process-instance/' + instance.id + '/variables/demandTitle',
            { headers: { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') } });
          if (v.ok() && (await v.json()).value === TITLE) code = instance.businessKey;
        }
        expect(code, 'the new matter has a tracking code');
      }],
      ['route-and-deadline-on-the-demand', async (page) => {
        await page.goto(base + '/public?code=' + code);
        await page.locator('#result h3').filter({ hasText: code }).waitFor();
        const text = await page.locator('#result').innerText();
        expect(text.includes('办理方式') && text.includes('办理时限') && /20\d\d-\d\d-\d\d/.test(text), 'route and deadline: ' + text);
      }],
    ]);

    await as('member1', 'steps-2-member1', [
      ['investigation-in-my-inbox', async (page) => {
        await filter(page, '我的待办');
        await openTask(page, '深入调查明事：' + TITLE);
      }],
      ['investigation-filled', async (page) => {
        await claim(page);
        await fill(page, '调查核实的情况', '实地查看：6盏路灯灯头损坏，线路老化，需更换灯具和部分线路。');
        await fill(page, '利益相关方', '三组村民36户');
        await fill(page, '受影响人数', 80);
        await fill(page, '涉及部门数', 1);
        await fill(page, '预估费用', 30000);
        await choose(page, '涉及范围', '村/社区');
        // intake left the cost open: the form notices the correction and asks for its reason
        await fill(page, '更正理由', '走访核实：需更换6套灯具和约200米线路，估价3万元。');
      }],
      ['investigation-done', async (page) => { await complete(page); }],
    ]);

    await as('convenor', 'steps-3-convenor', [
      ['meeting-to-schedule', async (page) => {
        await filter(page, '本组待办');
        await openTask(page, '安排议事会：' + TITLE);
        await claim(page);
        await choose(page, '协商形式', '院坝');
        const date = page.getByPlaceholder('yyyy/mm/dd').first();
        await date.click();
        await date.fill('2026/11/30');
        await date.press('Enter');
        const time = page.getByPlaceholder('hh:mm').first();
        await time.click();
        await time.fill('19:00');
        await time.press('Enter');
        await fill(page, '议事地点', '同庆沟村三组院坝');
        await check(page, '政协委员');
        await check(page, '群众代表');
        await check(page, '相关部门');
      }],
      ['meeting-scheduled', async (page) => { await complete(page); }],
      ['meeting-recorded', async (page) => {
        await page.waitForTimeout(2000);
        await openTask(page, '多元参与议事：' + TITLE);
        await claim(page);
        await fill(page, '各方意见', '村民希望尽快更换路灯；交通运输局提出纳入今年农村公路附属设施维修。');
        await fill(page, '达成的共识', '请交通运输局年内更换6盏路灯，村委会配合施工。');
        await fill(page, '参会人数', 28);
        await pickFirstMembers(page, 2);
        await complete(page);
      }],
      ['decided', async (page) => {
        await page.waitForTimeout(2000);
        await openTask(page, '集体研究决事：' + TITLE);
        await claim(page);
        await fill(page, '决定事项', '请交通运输局更换三组通组道路6盏路灯，村委会配合。');
        await choose(page, '形成方式', '协商一致');
        await fill(page, '第1项 事项', '更换三组通组道路6盏路灯');
        await choose(page, '第1项 负责单位', '交通运输局');
        await pickDate(page, '第1项 完成日期', '2026/12/31');
        await complete(page);
      }],
    ]);

    await as('transport', 'steps-4-transport', [
      ['reply-in-group-inbox-with-due-date', async (page) => {
        await filter(page, '本组待办');
        const card = page.locator('.tasks-list li').filter({ hasText: '部门答复：' + TITLE }).first();
        await card.waitFor({ timeout: 20000 });
        expect((await card.innerText()).includes('到期'), 'the card shows the due date');
        const list = (await page.locator('.tasks-list').allInnerTexts()).join(' ');
        expect(!list.includes('楼道照明'), 'the housing bureau\'s task is not in the transport bureau\'s inbox');
      }],
      ['replied', async (page) => {
        await openTask(page, '部门答复：' + TITLE);
        await claim(page);
        await fill(page, '答复意见', '已安排施工队更换6盏路灯和老化线路，11月30日前完工。');
        await complete(page);
      }],
    ]);

    await as('liaison', 'steps-5-liaison', [
      ['reply-accepted', async (page) => {
        await filter(page, '本组待办');
        await openTask(page, '审核答复：' + TITLE);
        await claim(page);
        await choose(page, '审核意见', '采纳');
        await check(page, '问题已解决');
        await complete(page);
      }],
    ]);

    await as('water', 'steps-6-overdue', [
      ['overdue-filter', async (page) => {
        await filter(page, '已超期');
        await page.locator('.tasks-list li').filter({ hasText: '部门答复：暴雨后桥头路段' }).first().waitFor({ timeout: 20000 });
      }],
    ]);

    await as('supervisor', 'steps-7-supervisor', [
      ['dashboard', async (page) => {
        await page.goto(base + '/dashboard');
        await page.getByText('响应率').first().waitFor({ timeout: 20000 });
        await page.locator('canvas').first().waitFor();
        const text = await page.locator('body').innerText();
        expect(text.includes('解决率') && text.includes('满意率') && text.includes('water') || text.includes('水利局'), 'rates and the breach');
      }],
      ['csv-downloaded', async (page) => {
        const [download] = await Promise.all([page.waitForEvent('download'),
          page.locator('a[href*=".csv"]').first().click()]);
        const path = await download.path();
        const csv = (await import('node:fs')).readFileSync(path, 'utf8');
        expect(csv.length > 20, 'the CSV has content');
      }],
      ['scorecard', async (page) => {
        // this journey's matter was met about today: it is scored, its township ranked
        await page.locator('#matterScores tr.clickable').first().waitFor({ timeout: 20000 });
        const ranking = await page.locator('#townshipRanking').innerText();
        expect(/\d+\.\d/.test(ranking), 'townships ranked with their average');
        await page.locator('#matterScores tr.clickable').first().click();
        await page.locator('#demand table.items').waitFor();
        const detail = await page.locator('#demand').innerText();
        expect(detail.includes('议题调研论证') && detail.includes('总分') && detail.includes('会前至少3天发出事先知情通报'),
          'a matter\'s items with the points earned and lost');
        await page.locator('#demand button').click();
      }],
    ]);

    // started from Tasklist, the receipt went by SMS; the liaison office re-issues the code and reads it out
    const issued = await fetch(base + '/api/demands/' + code + '/access-code', { method: 'POST',
      headers: { Authorization: 'Basic ' + Buffer.from('liaison:liaison').toString('base64') } });
    expect(issued.status === 201, 'access code issued: ' + issued.status);
    const { accessCode } = await issued.json();
    const context = await b.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      await journey('steps-8-public', context, [
        ['notice-without-personal-data', async (page) => {
          await page.goto(base + '/public?code=' + code);
          await page.locator('#result').getByText('公示').first().waitFor({ timeout: 30000 });
          const html = await page.content();
          for (const p of [SUBMITTER.name, SUBMITTER.phone, ...PERSONAL]) expect(!html.includes(p), 'personal data: ' + p);
          expect(html.includes('欧*') && html.includes('139****0000'), 'the submitter is masked');
        }],
        ['evaluated', async (page) => {
          // the e2e application publishes for a minute; then the submitter is asked
          for (let i = 0; i < 60 && !(await page.locator("#evaluate").count()); i++) {
            await page.waitForTimeout(2000);
            await page.goto(base + '/public?code=' + code);
            await page.locator('#result h3').waitFor();
          }
          await page.locator('#evaluate input[value=SATISFIED]').check();
          await page.locator('#evaluate textarea').fill('路灯已经亮了，谢谢！');
          // someone who knows the tracking code alone cannot speak for the submitter
          await page.locator('#evaluate input[name=accessCode]').fill('ABCD-EFGH');
          await page.locator('#evaluate button').click();
          await page.locator('#evaluate .msg.error').filter({ hasText: '查询码不正确' }).waitFor({ timeout: 20000 });
          await page.locator('#evaluate input[name=accessCode]').fill(accessCode.toLowerCase());
          await page.locator('#evaluate button').click();
          await page.getByText('已评价：满意').first().waitFor({ timeout: 20000 });
        }],
      ]);
    } finally {
      await context.close();
    }
  } finally {
    await b.close();
  }
}

/** 参会委员: the first members of the list, picked by name. */
export async function pickFirstMembers(page, n) {
  const input = page.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: '参会委员' }) }).locator('input').first();
  for (let i = 0; i < n; i++) {
    await input.click();
    const item = page.locator('.fjs-dropdownlist-item').first();
    await item.waitFor();
    expect(!/member\d/.test(await item.innerText()), 'members are listed by name, not account');
    await item.click();
  }
}
