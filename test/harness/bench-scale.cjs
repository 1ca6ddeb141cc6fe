// Part of `npm run bench`: 10,000 ACTIVE shares of one owner in the emulator; loads them all (page size 100) with
// the extension's core (OwnerShares + "Load more" until the end) and with the SDK's own paginateListShares
// (keeping what it lists, as the core does), in alternation, and reports the median time ratio and the heap retained per loaded share. Needs `tsc -p .` output.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const { startEmulator } = require(path.join(root, 'out/test/emulator/server.js'));
const { DEMO_OWNER, DEMO_SUBSCRIBER } = require(path.join(root, 'out/test/emulator/generate.js'));
const { OwnerShares } = require(path.join(root, 'out/src/core/ownerShares.js'));
const { createOmicsClient, OmicsSharesApi } = require(path.join(root, 'out/src/core/sharesApi.js'));
const { paginateListShares } = require('@aws-sdk/client-omics');

const N = 10_000;
const PAGE = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

function data() {
  const shares = [];
  for (let i = 0; i < N; i++) {
    const hex = i.toString(16).padStart(32, '0');
    const t = new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
    shares.push({
      shareId: `${hex}-${hex}`,
      resourceArn: `arn:aws:omics:us-east-1:${DEMO_OWNER.id}:workflow/${1_000_000 + i}`,
      principalSubscriber: DEMO_SUBSCRIBER.id,
      ownerId: DEMO_OWNER.id,
      status: 'ACTIVE',
      shareName: `pipeline-${i}`,
      creationTime: t,
      updateTime: t,
    });
  }
  return { accounts: [DEMO_OWNER, DEMO_SUBSCRIBER], shares };
}

/** The baseline: the SDK's paginator, keeping what it lists (as any UI that shows the shares must). */
async function viaSdk(client) {
  const kept = [];
  const input = { resourceOwner: 'SELF', filter: { status: ['ACTIVE'] }, maxResults: PAGE };
  for await (const page of paginateListShares({ client }, { ...input })) {
    kept.push(...(page.shares ?? []));
  }
  return kept.length;
}

async function viaCore(client) {
  const owner = new OwnerShares({ api: new OmicsSharesApi(client), resourceOwner: 'SELF', pageSize: PAGE });
  await owner.load();
  const group = owner.group('ACTIVE');
  while (group.hasMore) {
    await group.loadMore();
  }
  return { owner, n: group.items.length };
}

(async () => {
  const emulator = await startEmulator({ data: data(), port: 0 });
  const client = createOmicsClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: DEMO_OWNER.accessKeyId, secretAccessKey: DEMO_OWNER.secretAccessKey },
  });
  const sdk = [];
  const core = [];
  await viaSdk(client); // warm-up (JIT, sockets)
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now();
    const a = await viaSdk(client);
    sdk.push(performance.now() - t);
    t = performance.now();
    const { n: b, owner } = await viaCore(client);
    core.push(performance.now() - t);
    owner.dispose();
    if (a !== N || b !== N) {
      throw new Error(`expected ${N} shares, SDK listed ${a}, core loaded ${b}`);
    }
  }
  global.gc();
  const before = process.memoryUsage().heapUsed;
  const { owner } = await viaCore(client);
  global.gc();
  const perShare = (process.memoryUsage().heapUsed - before) / N;
  owner.dispose();
  const med = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const requests = emulator.requests.filter((q) => q.operation === 'ListShares').length;
  console.log(
    `10,000 shares  core ${med(core).toFixed(0)} ms vs SDK paginator ${med(sdk).toFixed(0)} ms  ratio ${(med(core) / med(sdk)).toFixed(2)}×  (goal ≤ 1.10×, page ${PAGE}, median of ${ROUNDS})`,
  );
  console.log(`heap           ${(perShare / 1024).toFixed(2)} KB retained per loaded share (core state, no UI nodes)`);
  console.log(`requests       ${requests} ListShares in all (${Math.ceil(N / PAGE)} pages per full listing)`);
  client.destroy();
  await emulator.close();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
