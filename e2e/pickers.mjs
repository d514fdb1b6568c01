// Issue #22 in the browser: the investigator confirms what intake recorded and corrects a fact that changes the
// route (the form notices, the submission names the new route and asks for the reason); the convenor records a
// meeting picking members by name and a decision with action-item rows. At a laptop's and a phone's size.
import { base, browser, journey, expect } from './lib.mjs';
import { login, fill, choose, check, pickDate, openTask, claim, complete, filter } from './tasklist-ui.mjs';
import { pickFirstMembers } from './six-steps.mjs';

const admin = 'Basic ' + Buffer.from('admin:admin').toString('base64');
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

async function api(method, path, body, auth = admin) {
  const res = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json', Authorization: auth },
    body: body && JSON.stringify(body) });
  const text = await res.text();
  expect(res.ok, method + ' ' + path + ': ' + res.status + ' ' + text);
  return text ? JSON.parse(text) : null;
}

export default async function pickers() {
  const b = await browser();
  const stamp = Date.now().toString(36);
  const village = '选人村' + stamp;
  const title = '村口便民桥栏杆缺失' + stamp;
  const as = async (user, name, viewport, steps) => {
    const { context, page } = await login(b, base, user, viewport);
    try {
      await journey(name, page, steps);
    } finally {
      await context.close();
    }
  };
  try {
    await api('PUT', '/api/village-assignments', { township: '中峰镇', village, memberUserId: 'member1' });
    const created = await api('POST', '/api/demands', { title, description: '村口便民桥两侧栏杆缺失，孩子上学经过有落水危险。',
      category: 'TRANSPORT', scope: 'VILLAGE', urgency: 'NORMAL', channel: 'STATION', township: '中峰镇', village,
      submitter: { name: '周九', phone: '13600006666' }, estimatedCostYuan: 20000, affectedPeople: 60 },
    'Basic ' + Buffer.from('clerk:clerk').toString('base64'));

    {
      await as('member1', 'pickers-1-investigator-laptop', LAPTOP, [
        ['opens-with-recorded-facts', async (page) => {
          await filter(page, '我的待办');
          await openTask(page, '深入调查明事：' + title);
          await claim(page);
          const texts = await page.locator('textarea').evaluateAll((els) => els.map((e) => e.value).join('\n'));
          expect(texts.includes('涉及范围：村/社区'), 'the recorded facts are shown');
          await page.getByText('核实受理时登记的情况').first().scrollIntoViewIfNeeded();
          expect(!(await page.getByText('更正理由').count()), 'no reason asked while nothing is corrected');
        }],
        ['correction-noticed', async (page) => {
          await fill(page, '调查核实的情况', '实地查看：桥两侧栏杆全部缺失，涉及全镇同类便民桥12座，需出台统一的维护政策。');
          await check(page, '需要制定或调整政策');
          await page.getByText('您更正了受理时登记的情况').first().waitFor();
          await page.getByText('您更正了受理时登记的情况').first().scrollIntoViewIfNeeded();
        }],
        ['route-change-named', async (page) => {
          await page.getByRole('button', { name: '完成' }).click();
          await page.getByText('提交后分流将由').first().waitFor({ timeout: 20000 });
          const text = await page.locator('body').innerText();
          expect(text.includes('改为「转提案」'), 'the new route is named');
        }],
        ['confirmed-with-reason', async (page) => {
          // the refused submission's message stays over the buttons; it has no close button
          await page.evaluate(() => document.querySelectorAll('.page-notifications .alert').forEach((a) => a.remove()));
          await fill(page, '更正理由', '走访核实：全镇12座便民桥同样缺少栏杆，需统一政策。');
          await complete(page);
        }],
      ]);
    }
    const code = created.trackingCode || created.demand?.trackingCode;
    expect(code, 'the demand registered: ' + JSON.stringify(created));
    const view = await api('GET', '/api/demands/' + code);
    expect(JSON.stringify(view.history).includes('更正理由：走访核实'), 'the correction and its reason are in the history');

    await as('convenor', 'pickers-2-convenor-phone', PHONE, [
      ['meeting-scheduled', async (page) => {
        await filter(page, '本组待办');
        await openTask(page, '安排议事会：' + title);
        await claim(page);
        await choose(page, '协商形式', '院坝');
        const date = page.getByPlaceholder('yyyy/mm/dd').first();
        await date.click();
        await date.fill('2026/12/20');
        await date.press('Enter');
        const time = page.getByPlaceholder('hh:mm').first();
        await time.click();
        await time.fill('19:00');
        await time.press('Enter');
        await fill(page, '议事地点', '村口院坝');
        await check(page, '政协委员');
        await check(page, '群众代表');
        await complete(page);
      }],
      ['members-picked-by-name', async (page) => {
        await page.waitForTimeout(2000);
        await openTask(page, '多元参与议事：' + title);
        await claim(page);
        await fill(page, '各方意见', '村民希望尽快安装栏杆；镇政府提出统一制定便民桥维护办法。');
        await fill(page, '参会人数', 20);
        await pickFirstMembers(page, 2);
        await page.getByText('参会委员').first().scrollIntoViewIfNeeded();
      }],
      ['meeting-recorded', async (page) => { await complete(page); }],
      ['action-item-rows', async (page) => {
        await page.waitForTimeout(2000);
        await openTask(page, '集体研究决事：' + title);
        await claim(page);
        await fill(page, '决定事项', '建议制定全镇便民桥栏杆维护办法，先行安装村口便民桥栏杆。');
        await choose(page, '形成方式', '协商一致');
        expect(!(await page.getByText('第2项 事项').count()), 'row 2 waits until row 1 has its description');
        await fill(page, '第1项 事项', '安装村口便民桥栏杆');
        await choose(page, '第1项 负责单位', '交通运输局');
        await pickDate(page, '第1项 完成日期', '2027/01/31');
        await fill(page, '第2项 事项', '组织村民监督施工');
        await choose(page, '第2项 负责单位', '村（居）委会');
        await pickDate(page, '第2项 完成日期', '2027/02/15');
        await page.getByText('第3项 事项').first().waitFor();
        await page.getByText('第2项 事项').first().scrollIntoViewIfNeeded();
      }],
      ['action-item-rows-1366', async (page) => {
        await page.setViewportSize(LAPTOP);
        await page.waitForTimeout(500);
        await page.getByText('第2项 事项').first().scrollIntoViewIfNeeded();
      }],
      ['decided', async (page) => { await complete(page); }],
    ]);
    const after = await api('GET', '/api/demands/' + code);
    const items = after.steps.decisions[0].actionItems;
    expect(items.length === 2 && items[0].owner === '交通运输局' && items[0].dueDate === '2027-01-31'
      && items[1].description === '组织村民监督施工' && items[1].owner === '村（居）委会' && items[1].dueDate === '2027-02-15',
      'the action items: ' + JSON.stringify(items));
  } catch (e) {
    console.log('  FAIL pickers: ' + e.message);
    throw e;
  } finally {
    await b.close();
  }
}
