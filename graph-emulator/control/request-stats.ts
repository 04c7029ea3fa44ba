/** Request counters for `GET /_emulator/stats`: HTTP requests to /v1.0 and handled routes (batch steps included). */
export class RequestStats {
  requests = 0;
  batchSteps = 0;
  byRoute: Record<string, number> = {};
  byStatus: Record<string, number> = {};

  /** Counts one handled route (a top-level request or a batch step). Never throws. */
  route(key: string, status: number, inBatch: boolean): void {
    this.byRoute[key] = (this.byRoute[key] ?? 0) + 1;
    this.byStatus[String(status)] = (this.byStatus[String(status)] ?? 0) + 1;
    if (inBatch) this.batchSteps++;
  }

  /** Resets every counter. Never throws. */
  reset(): void {
    this.requests = 0;
    this.batchSteps = 0;
    this.byRoute = {};
    this.byStatus = {};
  }

  /** A JSON snapshot. Never throws. */
  snapshot(): Record<string, unknown> {
    return {
      requests: this.requests,
      batchSteps: this.batchSteps,
      byRoute: { ...this.byRoute },
      byStatus: { ...this.byStatus },
    };
  }
}
