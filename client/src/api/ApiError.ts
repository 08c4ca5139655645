/** Every failed request surfaces as one of these, whether the server answered with an error body or not. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(opts: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    requestId?: string;
  }) {
    super(opts.message);
    this.name = 'ApiError';
    this.status = opts.status;
    this.code = opts.code;
    this.details = opts.details;
    this.requestId = opts.requestId;
  }

  /**
   * An answer the page cannot read (what: "The seat list"). Most likely the server was updated while the
   * page was open, so the person is told to reload; the details are for developer tools.
   */
  static badResponse(what: string, details?: unknown, status = 200): ApiError {
    return new ApiError({
      status,
      code: 'BAD_RESPONSE',
      message: `${what} from the server could not be read. Reload the page to get the latest version of Groundwork.`,
      details,
    });
  }

  /** What to tell the person using the page; the request id lets staff quote it to support. */
  get userMessage(): string {
    return this.requestId ? `${this.message} (reference ${this.requestId})` : this.message;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.userMessage;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
