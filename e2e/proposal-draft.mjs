// 起草提案 with the proposers picked by name (issue #22): a matter the six steps turn into a proposal (driven through
// the REST API up to the draft), then the liaison office in Tasklist sees the collecting member 李委员 picked already,
// adds 赵委员 from the member list by name, and completes the draft; the proposal committee's 立案审查 shows both
// names. Screenshots at 1366×768 (office screen) and 390×844 (phone).
import { base, browser, journey, expect } from './lib.mjs';
import { login, fill, choose, openTask, claim, complete, filter, formReady, field } from './tasklist-ui.mjs';

const UNIQUE = Date.now().toString(36).slice(-5);
const TITLE = '城郊村组缺少公交线路 ' + UNIQUE;
const VILLAGE = '提案村' + UNIQUE;
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

const auth = (user) => ({ Authorization: 'Basic ' + Buffer.from(user + ':' + user).toString('base64'),
  'Content-Type': 'application/json' });

async function call(user, method, path, body) {
  const res = await fetch(base + path, { method, headers: auth(user), body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.ok, `${method} ${path} as ${user}: ${res.status} ${res.ok ? '' : await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** Claims and completes the matter's open task of that step through the engine's REST API, as that person. */
async function completeStep(code, taskKey, user, variables) {
  let tasks = [];
  for (let i = 0; i < 20 && !tasks.length; i += 1) {
    tasks = await call('admin', 'GET', `/engine-rest/task?processInstanceBusinessKey=${code}&taskDefinitionKey=${taskKey}`);
    if (!tasks.length) await new Promise((r) => setTimeout(r, 500));
  }
  expect(tasks.length, `${taskKey} is open for ${code}`);
  await call(user, 'POST', `/engine-rest/task/${tasks[0].id}/claim`, { userId: user });
  const typed = Object.fromEntries(Object.entries(variables).map(([k, v]) =>
    [k, Number.isInteger(v) ? { value: v, type: 'Long' } : { value: v }]));
  await call(user, 'POST', `/engine-rest/task/${tasks[0].id}/complete`, { variables: typed });
}

/** The steps before the draft: a member's visit, the investigation finds a policy question, the meeting decides. */
async function matterAtTheDraft() {
  await call('admin', 'PUT', '/api/village-assignments', { township: '中峰镇', village: VILLAGE, memberUserId: 'member1' });
  const demand = await call('clerk', 'POST', '/api/demands', { title: TITLE,
    description: '城郊村组没有公交线路，村民进城就医、上学要步行3公里到镇上乘车。', category: 'TRANSPORT', scope: 'VILLAGE',
    urgency: 'NORMAL', channel: 'MEMBER_VISIT', township: '中峰镇', village: VILLAGE,
    submitter: { name: '孙七', phone: '13500007777' }, answerableOnSite: false, collectingMember: 'member1' });
  const code = demand.trackingCode;
  await completeStep(code, 'UserTask_Investigate', 'member1', { findings: '城郊多个村组不通公交，需调整线路规划和补贴政策。',
    stakeholders: '城郊村组群众；公交公司', investigatedAffectedPeople: 2600, investigatedDepartments: 2,
    investigatedCostYuan: 2000000, investigatedScope: 'COUNTY', investigatedAnswerableOnSite: false,
    investigatedNeedsPolicyChange: true, correctionReason: '走访核实：城郊多个村组同样不通公交，需县级统筹线路和补贴政策。' });
  await completeStep(code, 'UserTask_ScheduleMeeting', 'convenor', { meetingForm: 'HEARING', meetingTime: '2026-12-10T15:00',
    meetingPlace: '中峰镇社情民意驿站', inviteMembers: true, inviteResidents: true, inviteDepartments: true });
  await completeStep(code, 'UserTask_RecordMeeting', 'convenor', { opinions: '群众希望开通早晚班次。',
    agreement: '建议以政协提案推动线路延伸。', attendance: 28 });
  await completeStep(code, 'UserTask_Decide', 'convenor', { decisionText: '形成提案，建议延伸城乡公交线路。',
    howReached: 'CONSENSUS', actionItems: '起草提案；政协工委；2026-12-31' });
  return code;
}

/** The taglist's picked entries, as the person reads them. */
async function picked(page) {
  return field(page, '提案人').locator('.fjs-taglist-tag').allInnerTexts();
}

export default async function proposalDraft() {
  const b = await browser();
  const as = async (user, name, steps) => {
    const { context, page } = await login(b, base, user);
    try {
      await page.setViewportSize(DESKTOP);
      await journey(name, page, steps);
    } finally {
      await context.close();
    }
  };
  try {
    await matterAtTheDraft();
    await as('liaison', 'proposal-draft-liaison', [
      ['draft-open-1366', async (page) => {
        await filter(page, '本组待办');
        await openTask(page, new RegExp('起草提案：.*' + UNIQUE));
        await claim(page);
        await formReady(page);
        const tags = await picked(page);
        expect(tags.some((t) => t.includes('李委员')), 'the collecting member is picked already, by name: ' + tags);
        expect(!(await page.getByText('提案人账号').count()), 'no account names to type');
      }],
      ['member-list-by-name-1366', async (page) => {
        const input = field(page, '提案人').locator('input').first();
        await input.click();
        await input.fill('赵');
        const option = page.locator('.fjs-dropdownlist-item', { hasText: '赵委员' }).first();
        await option.waitFor({ timeout: 10000 });
        expect(!(await page.locator('.fjs-dropdownlist-item', { hasText: 'member' }).count()), 'no accounts in the list');
      }],
      ['two-proposers-picked-1366', async (page) => {
        await page.locator('.fjs-dropdownlist-item', { hasText: '赵委员' }).first().click();
        await fill(page, '提案标题', '关于延伸城乡公交线路覆盖城郊村组的提案 ' + UNIQUE);
        await fill(page, '建议', '一是延伸3条城乡公交线路；二是建立农村客运运营补贴机制；三是设置招呼站。');
        const tags = await picked(page);
        expect(tags.some((t) => t.includes('李委员')) && tags.some((t) => t.includes('赵委员')), 'both picked: ' + tags);
      }],
      ['draft-on-a-phone-390', async (page) => {
        await page.setViewportSize(PHONE);
        await page.waitForTimeout(500);
        await field(page, '提案人').scrollIntoViewIfNeeded();
      }],
      ['draft-completed', async (page) => {
        await page.setViewportSize(DESKTOP);
        await complete(page);
      }],
    ]);
    await as('proposals', 'proposal-draft-committee', [
      ['review-shows-the-names-1366', async (page) => {
        await filter(page, '本组待办');
        await openTask(page, new RegExp('立案审查：.*' + UNIQUE));
        const proposers = await field(page, '提案人').locator('input, textarea').first().inputValue();
        expect(proposers === '李委员、赵委员', 'the proposers by name: ' + proposers);
      }],
      ['review-on-a-phone-390', async (page) => {
        await page.setViewportSize(PHONE);
        await page.waitForTimeout(500);
        await field(page, '提案人').scrollIntoViewIfNeeded();
      }],
      ['merge-picks-a-registered-proposal', async (page) => {
        // 并案 offers this year's registered proposals by number and title (the demo registers one); nothing is typed
        await page.setViewportSize(DESKTOP);
        await claim(page);
        await choose(page, '审查意见', '并案');
        await field(page, '并入的提案').locator('.fjs-select-display, .fjs-input-group, input').first().click();
        const offered = await page.locator('.fjs-dropdownlist-item').allInnerTexts();
        const year = new Date().getFullYear();
        expect(offered.length > 0 && offered.every((o) => new RegExp('^' + year + '-\\d{3} .+').test(o.trim())),
          'this year\'s proposals by number and title: ' + JSON.stringify(offered));
      }],
    ]);
  } finally {
    await b.close();
  }
}
