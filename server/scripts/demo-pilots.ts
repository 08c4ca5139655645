// npm run demo:pilots [-- --reset]
// Makes fictional pilots, partners and activities (every one marked "(fictional demo)") in Blyth and
// Ashington and three other North East CLPs, so the pilot pages, boards and map measures have something in
// every state. Run after the first start (the seat data must be loaded) and, for the organiser to be the
// demo organiser, after npm run demo:users. With --reset the demo records (only those) are made again.
// Never run against a production database.
import { createDemoPilots } from '../src/modules/pilots/demo-pilots.ts';
import { runDemoScript } from './demo-script.ts';

runDemoScript('demo:pilots', 'demo pilots', async (prisma, { reset }) => {
  const result = await createDemoPilots(prisma, { reset });
  console.log(
    result.created
      ? `Demo pilots ${reset ? 'made again' : 'created'}: ${result.pilots} pilots, ${result.partners} partners, ${result.activities} activities (all fictional).`
      : `Demo pilots are already there (${result.pilots} pilots); run npm run demo:pilots -- --reset to make them again.`,
  );
  return 0;
});
