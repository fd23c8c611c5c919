/** Something the caller named does not exist (or is not synchronised yet). Routers answer it with 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The caller may not do this here (a setting of the team forbids it). Routers answer it with 403. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
