import * as restify from 'restify';
import type { TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { activityProblem } from './teams/activity-guard';
import type { Logger } from './log';
import { downloadResponse, DOWNLOAD_PREFIX, type DownloadStore } from './exports/download-store';

export interface ServerParts {
  adapter: TeamsAdapter;
  /** Runs one turn (the teams-ai Application). */
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
  /** Extra readiness facts for /healthz. */
  health?: () => Promise<Record<string, unknown>>;
  /** Files offered for download (local mode: exports in the Playground); no download route without it. */
  downloads?: DownloadStore;
}

/** Largest activity accepted (Teams messages are at most ~100 KB; cards with inputs stay far below). */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * The HTTP surface: POST /api/messages (Bot Framework activities; JWT validated by the adapter whenever bot
 * credentials are configured) and GET /healthz. Malformed input gets 400 with a reason, never 500.
 */
export function createServer(parts: ServerParts): restify.Server {
  const server = restify.createServer({ name: 'groupbot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      res.status(400);
      res.json({ error: { code: 'BadActivity', message: problem } });
      return;
    }
    try {
      await parts.adapter.process(req, res, parts.logic);
    } catch (err) {
      parts.log.error('turn.failed', { error: err as Error });
      if (!res.headersSent) {
        res.status(500);
        res.json({ error: { code: 'TurnFailed', message: 'The bot could not process this activity.' } });
      }
    }
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const extra = parts.health ? await parts.health().catch((e: Error) => ({ healthError: e.message })) : {};
    res.json({ status: 'ok', ...extra });
  });

  const downloads = parts.downloads;
  if (downloads) {
    server.get(`${DOWNLOAD_PREFIX}*`, async (req: restify.Request, res: restify.Response) => {
      const r = downloadResponse(downloads, req.path());
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    });
  }

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, cb: () => void) => {
    // bodyParser errors (bad JSON, too large, wrong content type) arrive here; keep Graph-like clear bodies.
    parts.log.warn('http.rejected', { path: req.path(), status: err.statusCode, reason: err.message });
    cb();
  });
  return server;
}

/** Starts listening; resolves to the bound port. Throws when the port is taken. */
export function listen(server: restify.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      const addr = server.address() as { port: number };
      resolve(addr.port);
    });
  });
}
