// A department's clerk in Tasklist (Chinese browser): logs in, sees the Chinese interface, finds the reply
// task in 本组待办 with the matter on the card, opens it and reads the matter's context in the form. Then two
// members: member2 has an on-site answer open when member1 claims it, clicks 认领 and is told who holds it.
import { base, browser, journey, expect } from './lib.mjs';
import { login, filter, openTask } from './tasklist-ui.mjs';

export default async function tasklist() {
  const b = await browser();
  try {
    const context = await b.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await journey('tasklist', context, [
      ['login-page-in-chinese', async (page) => {
        await page.goto(base + '/camunda/app/tasklist/');
        await page.getByPlaceholder('用户名').waitFor();
        await page.waitForTimeout(1500); // the login form is wired once the app has started
      }],
      ['logged-in-as-transport', async (page) => {
        await page.getByPlaceholder('用户名').fill('transport');
        await page.getByPlaceholder('密码').fill('transport');
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByText('本组待办').first().waitFor();
        const filters = await page.locator('body').innerText();
        expect(filters.includes('我的待办') && filters.includes('即将到期') && filters.includes('已超期'), 'the daily filters');
        expect(!filters.includes('待我督办'), 'a department does not see the supervisors\' filter');
      }],
      ['group-inbox-with-cards', async (page) => {
        await page.getByText('本组待办').first().click();
        const card = page.locator('.tasks-list li, [cam-tasks] li').filter({ hasText: '部门答复：村组道路坑洼积水' }).first();
        await card.waitFor({ timeout: 15000 });
        const text = await card.innerText();
        expect(text.includes('受理编号') && text.includes('SL-') && text.includes('同庆沟村'), 'the card shows the matter: ' + text);
      }],
      ['task-with-its-context', async (page) => {
        await page.locator('.tasks-list li, [cam-tasks] li').filter({ hasText: '部门答复：村组道路坑洼积水' }).first().click();
        await page.getByText('诉求内容').first().waitFor({ timeout: 15000 });
        const form = await page.locator('body').innerText();
        expect(form.includes('认领') && form.includes('表单') && form.includes('历史'), 'the task view is in Chinese');
        expect(form.includes('本任务办理时限') && form.includes('办理经过'), 'the deadline and the history are on top of the form');
      }],
      ['stored-script-stays-text', async (page) => {
        // a demand whose text carries markup: Tasklist's card and form and the public page show it as text, run nothing
        const attack = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
        const auth = { Authorization: 'Basic ' + Buffer.from('clerk:clerk').toString('base64'), 'Content-Type': 'application/json' };
        const created = await (await fetch(base + '/api/demands', { method: 'POST', headers: auth, body: JSON.stringify({
          title: '路灯不亮' + attack, description: '村口路灯不亮。' + attack, category: 'TRANSPORT', scope: 'VILLAGE', urgency: 'EMERGENCY',
          channel: 'HOTLINE', township: '中峰镇', village: '同庆沟村', submitter: { name: '钱七', phone: '13700001234' },
          answerableOnSite: false, needsPolicyChange: false, departmentsInvolved: 1, affectedPeople: 20 }) })).json();
        expect(created.trackingCode, 'the demand is registered: ' + JSON.stringify(created));
        await page.goto(base + '/camunda/app/tasklist/');
        await page.getByText('本组待办').first().click();
        const card = page.locator('.tasks-list li, [cam-tasks] li').filter({ hasText: '部门答复：路灯不亮' }).first();
        await card.waitFor({ timeout: 15000 });
        expect((await card.innerText()).includes('<img src=x'), 'the card shows the markup as text');
        await card.click();
        await page.getByText('诉求内容').first().waitFor({ timeout: 15000 });
        await page.waitForTimeout(1200); // the form is imported twice
        expect(await page.evaluate(() => window.__xss === undefined), 'nothing ran in Tasklist');
        await page.goto(base + '/public?code=' + created.trackingCode);
        await page.locator('#result h3').waitFor();
        expect((await page.locator('#result h3').innerText()).includes('<script>'), 'the public page shows the markup as text');
        expect(await page.evaluate(() => window.__xss === undefined), 'nothing ran on the public page');
      }],
      ['staff-badge-on-the-public-page', async (page) => {
        await page.goto(base + '/public');
        await page.locator('#staff').waitFor({ state: 'visible' });
        const badge = await page.locator('#staff').innerText();
        expect(badge.includes('交通运输局') && !badge.includes('transport'), 'the logged-in clerk is recognised by name: ' + badge);
      }],
    ]);
    await context.close();
    await claimedByAColleague(b);
  } finally {
    await b.close();
  }
}

const basic = (user) => ({ Authorization: 'Basic ' + Buffer.from(user + ':' + user).toString('base64'),
  'Content-Type': 'application/json' });

/** member2 opens a free on-site answer; member1 claims it meanwhile; member2's claim is refused (409) in Chinese. */
async function claimedByAColleague(b) {
  const title = '楼道灯不亮' + Date.now().toString().slice(-6);
  const created = await (await fetch(base + '/api/demands', { method: 'POST', headers: basic('clerk'), body: JSON.stringify({
    title, description: '单元楼道灯坏了一个月。', category: 'TRANSPORT', scope: 'HOUSEHOLD', urgency: 'NORMAL',
    channel: 'HOTLINE', township: '中峰镇', village: '光明村' + title.slice(-6), submitter: { name: '钱七', phone: '13700001234' },
    answerableOnSite: true, needsPolicyChange: false, departmentsInvolved: 1, affectedPeople: 6 }) })).json();
  expect(created.trackingCode, 'the demand is registered: ' + JSON.stringify(created));
  const { context, page } = await login(b, base, 'member2');
  await journey('tasklist-claimed', page, [
    ['member2-opens-the-free-task', async (p) => {
      await filter(p, '本组待办');
      await openTask(p, '现场答复：' + title);
    }],
    ['member1-claims-it-meanwhile', async () => {
      const tasks = await (await fetch(base + '/engine-rest/task?processInstanceBusinessKey=' + created.trackingCode,
        { headers: basic('member1') })).json();
      const claimed = await fetch(base + '/engine-rest/task/' + tasks[0].id + '/claim',
        { method: 'POST', headers: basic('member1'), body: JSON.stringify({ userId: 'member1' }) });
      expect(claimed.status === 204, 'member1 claims the task: ' + claimed.status);
    }],
    ['member2-is-told-who-holds-it', async (p) => {
      await p.getByText('认领', { exact: true }).first().click();
      await p.getByText('该任务已由 李委员 认领').first().waitFor({ timeout: 10000 });
    }],
  ]);
  await context.close();
}
