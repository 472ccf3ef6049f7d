// What `npm test`, `npm run demo`, `npm run bench` and `npm run setup` do once the npm
// packages are in: install the tools, bring up the embedded stack, then run the job.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig, ConfigError } from '../platform/config';
import { stackUp } from './stack';
import { StackError } from './services';
import { ToolInstallError } from './tools';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Tests and benchmarks always run against the embedded stack, whatever .env says. */
const embeddedEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NETTVERK_ENV_FILE: '/dev/null',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  SMTP_URL: 'smtp://127.0.0.1:3025',
  IMAP_URL: 'imap://127.0.0.1:3143',
});

async function main(): Promise<number> {
  const [command = 'setup', ...rest] = process.argv.slice(2);
  const t0 = Date.now();
  switch (command) {
    case 'setup': {
      await stackUp(loadConfig());
      return 0;
    }
    case 'test': {
      const env = embeddedEnv();
      await stackUp(loadConfig(env));
      console.log(
        `• Stack ready in ${((Date.now() - t0) / 1000).toFixed(1)}s; running the tests …`,
      );
      // The demo measures the machine and sets its pace from that: it runs alone, after the
      // rest, so that no other suite's load changes under it. Arguments run jest as given.
      const status = rest.length
        ? run(bin('jest'), rest, env)
        : ([
            run(bin('jest'), ['--selectProjects', 'unit', 'workflows', 'integration'], env),
            // Faults on private stacks of their own (their own servers and ports, never the
            // shared ones); both files at once: they mostly wait out timeouts and outages.
            run(bin('jest'), ['--selectProjects', 'faults', '--maxWorkers', '2'], env),
            run(bin('jest'), ['--selectProjects', 'demo'], env),
          ].find((s) => s !== 0) ?? 0);
      console.log(
        `• Tests finished in ${((Date.now() - t0) / 1000).toFixed(1)}s (stack left running: npm run stack down)`,
      );
      return status;
    }
    case 'demo': {
      const config = loadConfig();
      await stackUp(config);
      return run(bin('tsx'), [path.join(root, 'demo', 'main.ts'), ...rest]);
    }
    case 'bench': {
      const env = embeddedEnv();
      await stackUp(loadConfig(env));
      return run(bin('tsx'), [path.join(root, 'bench', 'main.ts'), ...rest], {
        ...env,
        NODE_OPTIONS: '--expose-gc',
      });
    }
    default:
      console.error(`Unknown command "${command}": use setup, test, demo or bench.`);
      return 2;
  }
}

main().then(
  (status) => process.exit(status),
  (error: Error) => {
    const known =
      error instanceof ConfigError ||
      error instanceof StackError ||
      error instanceof ToolInstallError;
    console.error(known ? error.message : error);
    process.exit(1);
  },
);
