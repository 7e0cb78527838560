/** `plaudit-server --help`: every command and option, with its environment variable and default. */
import { DEFAULTS } from './config.js';

export const USAGE = `Usage:
  plaudit-server [serve] [options]                 run the Plaudit endpoint over HTTP
  plaudit-server editor-token create --name NAME   make an editor token (printed once)
  plaudit-server editor-token list [--json]        list editor tokens (never the tokens)
  plaudit-server editor-token revoke ID|NAME       revoke an editor token

Options (flags win over the environment variables in brackets):

 Database, all commands:
  --database-url URL      PostgreSQL, postgres://user:password@host:5432/db  [DATABASE_URL]
                          Without it: embedded PGlite in --data-dir.
  --data-dir DIR          PGlite's directory, default ${DEFAULTS.dataDir}  [PLAUDIT_DATA_DIR]

 Server, serve only:
  --port N                default ${DEFAULTS.port}; 0 picks a free one  [PORT]
  --host ADDR             default ${DEFAULTS.host}: this machine only, for a reverse proxy
                          in front; 0.0.0.0 for every interface (containers)  [HOST]
  --base PATH             the endpoint's path, default ${DEFAULTS.base}  [PLAUDIT_BASE]
  --allow-origin ORIGIN   a site whose pages may call the endpoint, e.g.
                          https://blog.example.com; repeatable or comma-separated;
                          * for any. Default: same origin only  [PLAUDIT_ALLOWED_ORIGINS]
  --static [PREFIX=]PATH  files for GETs outside the endpoint: a directory at / (or
                          at PREFIX), or one file at exactly PREFIX; repeatable or
                          comma-separated  [PLAUDIT_STATIC_DIR]
  --rate-limit N[/BURST]  requests per minute per token, default ${DEFAULTS.rateLimitPerMinute} (burst N/10);
                          0 turns it off  [PLAUDIT_RATE_LIMIT]
  --max-body SIZE         largest request body in bytes, or with k or M (20M);
                          default ${DEFAULTS.maxBodyBytes} (an import's limit and a little)  [PLAUDIT_MAX_BODY]
  --request-timeout S     seconds a request may take before a 503, default ${DEFAULTS.requestTimeoutMs / 1000}
                          [PLAUDIT_REQUEST_TIMEOUT]

  -h, --help              this text
`;
