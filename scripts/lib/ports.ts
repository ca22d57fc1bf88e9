import net from 'node:net';

/** A port the stack wants, and the setting that chooses it. */
export type PortClaim = { port: number; setting: string };

export class PortInUseError extends Error {
  constructor(readonly claim: PortClaim) {
    super(`Port ${claim.port} is in use: set ${claim.setting} to another port`);
    this.name = 'PortInUseError';
  }
}

/**
 * Binds the port on every address (the dual-stack wildcard) and lets go at
 * once. A server already listening on 127.0.0.1, ::1 or the wildcard makes
 * this fail with EADDRINUSE, which is what the launched servers would hit.
 */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        resolve(false);
        return;
      }
      reject(error);
    });
    probe.listen({ port, exclusive: true }, () => {
      probe.close(() => resolve(true));
    });
  });
}

/** Fails on the first claimed port that is taken or claimed twice. */
export async function assertPortsFree(claims: PortClaim[]): Promise<void> {
  const seen = new Map<number, PortClaim>();
  for (const claim of claims) {
    const earlier = seen.get(claim.port);
    if (earlier) {
      throw new Error(
        `${earlier.setting} and ${claim.setting} both ask for port ${claim.port}: set one of them to another port`,
      );
    }
    seen.set(claim.port, claim);
    if (!(await isPortFree(claim.port))) throw new PortInUseError(claim);
  }
}

/** A port the operating system reports free right now. */
export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('The operating system gave no free port'));
      });
    });
  });
}

/** Several distinct free ports, for one stack's servers. */
export async function getFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await getFreePort());

  return [...ports];
}
