// Runs the browser journeys against a running application (BASE_URL, default http://localhost:8080).
import publicPage from './public-page.mjs';
import tasklist from './tasklist.mjs';
import sixSteps from './six-steps.mjs';
import pages from './pages.mjs';
import frontDoor from './front-door.mjs';
import proposalDraft from './proposal-draft.mjs';
import pickers from './pickers.mjs';

const journeys = { 'public-page': publicPage, tasklist, 'six-steps': sixSteps, pages, 'front-door': frontDoor,
  'proposal-draft': proposalDraft, pickers };
const only = process.argv.slice(2);
let failed = 0;
for (const [name, run] of Object.entries(journeys)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`journey ${name}`);
  try {
    await run();
  } catch (e) {
    failed += 1;
  }
}
process.exit(failed ? 1 : 0);
