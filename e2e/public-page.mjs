// The public's journey on /public (no login, phone-sized screen): submit a demand, follow it by its
// tracking code, read the publicity board without personal data, object to a notice.
import { base, browser, journey, expect, PERSONAL } from './lib.mjs';

export default async function publicPage() {
  const b = await browser();
  try {
    const context = await b.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 2 });
    let code;
    await journey('public', context, [
      ['open', async (page) => {
        await page.goto(base + '/public');
        await page.getByRole('heading', { name: '查询诉求办理进度' }).waitFor();
        await page.locator('#board li').first().waitFor();
      }],
      ['refused-without-category', async (page) => {
        const form = page.locator('#submit');
        await form.getByLabel('标题').fill('村口路灯不亮');
        await form.getByLabel('具体情况').fill('村口两盏路灯坏了一个月，晚上出行不安全。');
        await form.getByLabel('乡镇（街道）').fill('中峰镇');
        await form.getByLabel('村（社区）').fill('同庆沟村');
        await form.getByRole('button', { name: '提交' }).click();
        await page.locator('#submitted .error').waitFor();
        expect((await page.locator('#submitted').innerText()).includes('类别'), 'the error names the missing category');
      }],
      ['submitted', async (page) => {
        const form = page.locator('#submit');
        await form.getByLabel('类别').selectOption('URBAN_MANAGEMENT');
        await form.getByLabel('姓名').fill('欧阳明');
        await form.getByLabel('电话').fill('13912340000');
        await form.getByRole('button', { name: '提交' }).click();
        await page.locator('#submitted .ok').waitFor();
        code = (await page.locator('#submitted .ok').innerText()).match(/SL-\d{4}-\d+/)[0];
        const accessCode = await page.locator('#accessCode').innerText();
        expect(/^[2-9A-HJKMNP-Z]{8}$/.test(accessCode), 'the receipt shows the access code: ' + accessCode);
        expect((await page.locator('#submitted').innerText()).includes('评价办理结果时需要查询码'), 'and says what it is for');
      }],
      ['followed', async (page) => {
        await page.locator('#result h3').filter({ hasText: code }).waitFor();
        const result = await page.locator('#result').innerText();
        expect(result.includes('广泛征集知事') && result.includes('城市管理局'), 'timeline and handling unit shown: ' + result);
        expect(result.includes('欧*') && result.includes('139****0000'), 'the submitter is masked: ' + result);
        expect(!result.includes('欧阳明') && !result.includes('13912340000'), 'no raw personal data');
      }],
      ['followed-by-link', async (page) => {
        await page.goto(base + '/public?code=' + code);
        await page.locator('#result h3').filter({ hasText: code }).waitFor();
        await page.goto(base + '/public?code=SL-2000-999999');
        await page.locator('#result .error').waitFor();
      }],
      ['board', async (page) => {
        await page.goto(base + '/public');
        await page.locator('#board li .title').first().waitFor();
        const html = await page.content();
        for (const p of PERSONAL) expect(!html.includes(p), 'personal data on the public page: ' + p);
        await page.locator('#board').scrollIntoViewIfNeeded();
      }],
      ['objected', async (page) => {
        const first = page.locator('#board > li').filter({ has: page.locator('details.object') }).first();
        await first.locator('summary').click();
        await first.locator('textarea').fill('办理结果与实际情况不符，抢修后仍有渗漏。');
        await first.getByRole('button', { name: '提交异议' }).click();
        await first.locator('.msg.ok').waitFor();
      }],
      ['online-round', async (page) => {
        // the demo's 网络协商 (老旧小区加装电梯): the convenor's task carries the invitation links
        const auth = { Authorization: 'Basic ' + Buffer.from('convenor:convenor').toString('base64'), Accept: 'application/json' };
        const tasks = await (await fetch(base + '/engine-rest/task?nameLike=' + encodeURIComponent('%加装电梯%'), { headers: auth })).json();
        expect(tasks.length > 0, 'the demo online round waits for the convenor');
        const links = (await (await fetch(base + `/engine-rest/task/${tasks[0].id}/variables/onlineRoundLinks`, { headers: auth })).json()).value;
        const line = links.split('\n').find((l) => l.startsWith('5栋住户代表'));
        const link = line.substring(line.indexOf('：') + 1);
        expect(link.startsWith(base + '/public?round='), 'a link to this installation: ' + link);
        await page.goto(link);
        await page.locator('#round h3').first().waitFor();
        const shown = await page.locator('#round').innerText();
        expect(shown.includes('老旧小区加装电梯') && shown.includes('建议电梯井道避开卧室窗户'), 'the matter and the suggestions so far: ' + shown);
        for (const p of ['郑十', '13700008888', '3栋住户代表', '1楼住户']) expect(!shown.includes(p), 'nobody is named: ' + p);
        await page.locator('#opinion button').click();
        await page.locator('#opinion .msg.error').waitFor();
        await page.locator('#opinion input[value=OPPOSE]').check();
        await page.locator('#opinion textarea').fill('担心低层采光，希望先算清补偿方案。');
        await page.locator('#opinion button').click();
        await page.getByText('您已发表意见：反对').waitFor({ timeout: 10000 });
        expect((await page.locator('#round').innerText()).includes('担心低层采光'), 'the own opinion among the others');
      }],
    ]);
    await context.close();
  } finally {
    await b.close();
  }
}
