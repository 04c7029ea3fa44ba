/**
 * `npm run package`: builds appPackage/build/groupbot.zip (the Teams app package) from the values in .env.
 * Values set in the process environment win over .env. Options: --env <file> (default .env at the repo root),
 * --out <zip> (default appPackage/build/groupbot.zip). Exit codes: 0 built, 1 bad settings or manifest, 2 bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AppPackageSettingsError, placeholdersOf } from './app-package/manifest-fill';
import { EnvFileSyntaxError, parseEnvFile } from './app-package/env-file-parse';
import { buildAppPackage, ManifestSchemaError } from './app-package/app-package-build';
import { UsageError, parseCommandLine } from '../graph-emulator/cli/cli-args';

const ROOT = resolve(__dirname, '..');

const USAGE = 'usage: npm run package -- [--env <file>] [--out <zip>]';

function parseArgs(argv: string[]): { envFile: string; outFile: string } {
  const { options } = parseCommandLine(argv, ['env', 'out']);
  return {
    envFile: options.env ? resolve(options.env) : join(ROOT, '.env'),
    outFile: options.out ? resolve(options.out) : join(ROOT, 'appPackage', 'build', 'groupbot.zip'),
  };
}

/** Runs the package build; resolves to the exit code. Never throws for bad input. */
export async function run(argv: string[]): Promise<number> {
  let args: { envFile: string; outFile: string };
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`package: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  let fileValues: Record<string, string> = {};
  if (existsSync(args.envFile)) {
    try {
      fileValues = parseEnvFile(readFileSync(args.envFile, 'utf8'));
    } catch (err) {
      if (!(err instanceof EnvFileSyntaxError)) throw err;
      process.stderr.write(`package: ${relative(process.cwd(), args.envFile) || args.envFile}: ${err.message}\n`);
      return 1;
    }
  }
  const template = readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8');
  const settings: Record<string, string | undefined> = { ...fileValues };
  for (const name of [...placeholdersOf(template), 'TEAMS_APP_ID']) {
    if (process.env[name]?.trim()) settings[name] = process.env[name];
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    const built = await buildAppPackage({
      sourceDir: join(ROOT, 'appPackage'),
      settings,
      version,
      outFile: args.outFile,
    });
    process.stdout.write(
      `built ${relative(process.cwd(), built.zipPath) || built.zipPath} (${built.bytes} bytes): manifest.json, color.png, outline.png\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof AppPackageSettingsError) {
      const where = existsSync(args.envFile) ? args.envFile : `${args.envFile} (not found; copy .env.example to .env)`;
      process.stderr.write(`package: ${err.message}\nSet them in ${where} or in the environment.\n`);
      return 1;
    }
    if (err instanceof ManifestSchemaError) {
      process.stderr.write(`package: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module || process.argv[1] === __filename) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`package: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
