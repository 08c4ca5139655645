// npm run demo:selections [-- --reset]
// Makes fictional selections (every person marked "(fictional demo)") in Blyth and Ashington and three other
// North East CLPs, some for council wards, so the tracker, selection pages and national board have one in
// every stage and every compliance state. Run after the first start (the seat data must be loaded) and, for
// the candidates to be entered by the demo selection officer, after npm run demo:users. With --reset the
// demo records (only those) are made again. Never run against a production database.
import { createDemoSelections } from '../src/modules/selections/demo-selections.ts';
import { runDemoScript } from './demo-script.ts';

runDemoScript('demo:selections', 'demo selections', async (prisma, { reset }) => {
  const result = await createDemoSelections(prisma, { reset });
  console.log(
    result.created
      ? `Demo selections ${reset ? 'made again' : 'created'}: ${result.selections} selections, ${result.candidates} candidates, ${result.ballotRounds} ballot rounds (all fictional).`
      : `Demo selections are already there (${result.selections} selections); run npm run demo:selections -- --reset to make them again.`,
  );
  return 0;
});
