// A fault-injecting HTTP proxy in front of the real server, for the browser's
// end-to-end fault tests: per request it may drop the connection (a network
// error), answer 500/503/429 itself (with Retry-After), or forward the request
// and then lose the response (the server did the work, the client never hears).
// When the server is down (killed), forwarding fails and the client sees a
// network error, as it would.
import http from 'node:http';

/** A seeded generator (mulberry32), so a failing run can be replayed. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NO_FAULTS = { networkRate: 0, statusRate: 0, loseRate: 0 };

export function startFaultProxy({ target, seed = 1 }) {
  let settings = { ...NO_FAULTS };
  const random = mulberry32(seed);
  const counts = { forwarded: 0, network: 0, status: 0, lost: 0, refused: 0 };
  const agent = new http.Agent({ keepAlive: false });

  const server = http.createServer((req, res) => {
    const origin = req.headers.origin;
    const cors = origin ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After, ETag', Vary: 'Origin' } : {};
    const preflight = req.method === 'OPTIONS';
    const roll = random();
    if (!preflight && roll < settings.networkRate) {
      counts.network++;
      req.socket.destroy();
      return;
    }
    if (!preflight && roll < settings.networkRate + settings.statusRate) {
      counts.status++;
      const status = [500, 503, 429][Math.floor(random() * 3)];
      const headers = { 'Content-Type': 'application/json', ...cors };
      if (status !== 500) headers['Retry-After'] = String(Math.floor(random() * 2));
      req.resume();
      res.writeHead(status, headers).end(JSON.stringify({ error: 'unavailable', reason: 'injected fault' }));
      return;
    }
    const lose = !preflight && roll < settings.networkRate + settings.statusRate + settings.loseRate;
    const upstream = http.request(
      { host: target.host, port: target.port(), method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        if (lose) {
          // Read the whole answer (the server finished its work), then hang up on the client.
          answer.resume();
          answer.on('end', () => {
            counts.lost++;
            req.socket.destroy();
          });
          return;
        }
        counts.forwarded++;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      // The server is down or hung up: the client sees a network error.
      counts.refused++;
      req.socket.destroy();
    });
    req.pipe(upstream);
  });

  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: server.address().port,
        counts,
        set(partial) {
          settings = { ...settings, ...partial };
        },
        heal() {
          settings = { ...NO_FAULTS };
        },
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}
