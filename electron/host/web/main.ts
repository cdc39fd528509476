import { parseWebArgs, runWebHost } from './cli';

// `npm run web -- --port <p> --data-dir <dir> [--gateway <url> | --training]`
runWebHost(parseWebArgs(process.argv.slice(2))).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
